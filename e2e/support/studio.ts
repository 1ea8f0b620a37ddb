import { expect, type Locator, type Page } from 'playwright-core/test' with { 'resolution-mode': 'import' };

import type { FormDefinition, LocalizedText } from '@kiln/engine-forms';

/** `GET /api/me`. */
export interface Me {
  id: string;
  email: string;
  role: string;
}

/** One row of `GET /api/apps`. */
export interface AppSummary {
  key: string;
  name: LocalizedText;
  version: number | null;
}

/** `GET /api/apps/{app}`: the published metadata. */
export interface PublishedApp {
  key: string;
  name: LocalizedText;
  version: number | null;
  forms: Record<string, FormDefinition>;
}

/** One draft of `GET /api/apps/{app}/forms`. */
export interface FormDraft {
  key: string;
  definition: FormDefinition;
  updatedAt: string;
}

/** One row of `GET /api/apps/{app}/versions`. */
export interface AppVersion {
  version: number;
  publishedAt: string;
  publishedBy: string | null;
}

/** One problem of a refused publish (422 PUBLISH_INVALID). */
export interface PublishProblem {
  kind: string;
  key: string;
  path: string;
  code: string;
  message: string | LocalizedText;
}

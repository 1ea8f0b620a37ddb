// Lets TypeScript accept the stylesheet import; the bundler (Vite) does the real work.
declare module '*.css';

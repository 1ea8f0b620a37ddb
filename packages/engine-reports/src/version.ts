/** Version of the report semantics (conventions #9: a published report keeps the version it was published with). */
export const ENGINE_VERSION = 1 as const;

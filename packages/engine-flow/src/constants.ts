/** Version of the interpreter semantics (conventions #9: a published flow keeps the version it was published with). */
export const ENGINE_VERSION = 1 as const;

/** Node entries allowed in one `step` call; more fails the instance with FLOW_STEP_LIMIT (a loop without a wait). */
export const FLOW_STEP_LIMIT = 1000;

/** Node entries allowed over an instance's life (`state.steps`); more fails it with FLOW_STEP_LIMIT. */
export const FLOW_LIFETIME_STEP_LIMIT = 20_000;

/** Sub-flow nesting the runtime allows (a parent chain deeper than this fails with FLOW_DEPTH_LIMIT). */
export const FLOW_SUBFLOW_DEPTH_LIMIT = 5;

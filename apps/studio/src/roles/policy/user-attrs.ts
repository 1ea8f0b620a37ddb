/** The `$user.` attributes every user has (any other name reads the user's free attributes). */
export const USER_ATTRS = ['id', 'email', 'phone', 'record', 'groups'] as const;
export type UserAttr = (typeof USER_ATTRS)[number];

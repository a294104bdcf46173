/** The order GET /api/v1/users and listUsers() use when no sort is asked for. */
export const USERS_DEFAULT_SORT = "email";

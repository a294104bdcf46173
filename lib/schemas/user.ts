import { z } from "zod";
import { queryFromUrl, type RawParams } from "../list-query";
import { permissionsSchema } from "../permissions/schema";
import { pageQuery, type SortOf, sortParam } from "./common";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 1024;

export const email = z
  .string({ error: "is required" })
  .trim()
  .max(254, "must be at most 254 characters")
  .toLowerCase()
  .pipe(z.email({ error: "must be a valid email address" }));

export const userName = z.string({ error: "is required" }).trim().min(1, "is required").max(100, "must be at most 100 characters");

export const password = z
  .string({ error: "is required" })
  .min(PASSWORD_MIN, `must be at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`);

export const createUserInput = z
  .strictObject({
    email,
    name: userName,
    /** Optional only while single sign-on is configured: such a user signs in through SSO alone. */
    password: password.optional(),
    superAdmin: z.boolean({ error: "must be true or false" }).optional(),
    /** The full permissions; `superAdmin` alone is a shorthand for `{ superAdmin }` with no grants. */
    permissions: permissionsSchema.optional(),
  })
  .refine((v) => v.superAdmin === undefined || v.permissions === undefined || v.superAdmin === v.permissions.superAdmin, {
    path: ["superAdmin"],
    message: "contradicts permissions.superAdmin; send one of them",
  });

export const updateUserInput = z
  .strictObject({
    name: userName,
    password,
    superAdmin: z.boolean({ error: "must be true or false" }),
    permissions: permissionsSchema,
    disabled: z.boolean({ error: "must be true or false" }),
  })
  .partial()
  .refine((v) => v.superAdmin === undefined || v.permissions === undefined || v.superAdmin === v.permissions.superAdmin, {
    path: ["superAdmin"],
    message: "contradicts permissions.superAdmin; send one of them",
  });

export const setupInput = z
  .strictObject({
    email,
    name: userName,
    password,
    confirmPassword: z.string({ error: "is required" }),
    loadDemoData: z.boolean({ error: "must be true or false" }).default(false),
  })
  .refine((v) => v.password === v.confirmPassword, { path: ["confirmPassword"], message: "does not match the password" });

// The user list: GET /api/v1/users parses it strictly, the users page leniently.
const USER_SORTS = ["email", "name", "createdAt"] as const;
export const USERS_DEFAULT_SORT: SortOf<typeof USER_SORTS> = "email";
export const listUsersQuery = pageQuery.extend({ sort: sortParam(USER_SORTS) });
export const usersQueryFromUrl = (params: RawParams) => queryFromUrl(listUsersQuery, params);

export const userResponse = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  superAdmin: z.boolean(),
  permissions: permissionsSchema,
  disabled: z.boolean(),
  /** How the user can sign in: "password" when they have one, then each linked SSO provider's id. */
  signInMethods: z.array(z.string()),
  /** When and how ("password" or a provider's id) they last signed in; null if never. */
  lastSignInAt: z.iso.datetime().nullable(),
  lastSignInMethod: z.string().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type CreateUserInput = z.infer<typeof createUserInput>;
export type UpdateUserInput = z.infer<typeof updateUserInput>;
export type ListUsersQuery = z.infer<typeof listUsersQuery>;
export type SetupInput = z.infer<typeof setupInput>;
export type UserResponse = z.infer<typeof userResponse>;

import { z } from 'zod';
import { searchText } from './query-text';

/** The 24 administrative districts of Sofia, plus people who live elsewhere. */
export const districts = [
  'sredets',
  'krasno-selo',
  'vazrazhdane',
  'oborishte',
  'serdika',
  'poduyane',
  'slatina',
  'izgrev',
  'lozenets',
  'triaditsa',
  'krasna-polyana',
  'ilinden',
  'nadezhda',
  'iskar',
  'mladost',
  'studentski',
  'vitosha',
  'ovcha-kupel',
  'lyulin',
  'vrabnitsa',
  'novi-iskar',
  'kremikovtsi',
  'pancharevo',
  'bankya',
  'outside-sofia',
  'prefer-not-to-say',
] as const;
export type District = (typeof districts)[number];

export const ageBands = [
  'under-18',
  '18-24',
  '25-34',
  '35-44',
  '45-54',
  '55-64',
  '65-plus',
  'prefer-not-to-say',
] as const;
export type AgeBand = (typeof ageBands)[number];

export const genders = ['woman', 'man', 'other', 'prefer-not-to-say'] as const;
export type Gender = (typeof genders)[number];

export const roles = ['citizen', 'facilitator', 'analyst', 'admin'] as const;
export type Role = (typeof roles)[number];

export const locales = ['bg', 'en'] as const;
export type Locale = (typeof locales)[number];

export const limits = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 200,
  displayNameMin: 2,
  displayNameMax: 60,
} as const;

const email = z
  .string()
  .trim()
  .max(limits.emailMax)
  .pipe(z.email({ message: 'Must be a valid e-mail address' }))
  .transform((value) => value.toLowerCase());
const password = z.string().min(limits.passwordMin).max(limits.passwordMax);
const displayName = z
  .string()
  .trim()
  .min(limits.displayNameMin)
  .max(limits.displayNameMax)
  .refine((value) => !/[\p{Cc}\p{Cf}]/u.test(value), 'Must not contain control characters');

export const profileFields = {
  district: z.enum(districts).nullable().optional(),
  ageBand: z.enum(ageBands).nullable().optional(),
  gender: z.enum(genders).nullable().optional(),
  locale: z.enum(locales).optional(),
};

export const signUpRequest = z.strictObject({
  email,
  password,
  displayName,
  ...profileFields,
});
export type SignUpRequest = z.input<typeof signUpRequest>;

export const signInRequest = z.strictObject({
  email,
  password: z.string().min(1).max(limits.passwordMax),
});
export type SignInRequest = z.input<typeof signInRequest>;

export const updateProfileRequest = z.strictObject({
  displayName: displayName.optional(),
  ...profileFields,
});
export type UpdateProfileRequest = z.input<typeof updateProfileRequest>;

export const deleteAccountRequest = z.strictObject({
  password: z.string().min(1).max(limits.passwordMax),
});
export type DeleteAccountRequest = z.input<typeof deleteAccountRequest>;

export const confirmEmailRequest = z.strictObject({ token: z.string().min(10).max(200) });
export type ConfirmEmailRequest = z.input<typeof confirmEmailRequest>;

export const passwordResetRequest = z.strictObject({ email });
export type PasswordResetRequest = z.input<typeof passwordResetRequest>;

export const passwordResetConfirmRequest = z.strictObject({
  token: z.string().min(10).max(200),
  password,
});
export type PasswordResetConfirmRequest = z.input<typeof passwordResetConfirmRequest>;

export const setRolesRequest = z.strictObject({
  roles: z.array(z.enum(roles)).max(roles.length),
});
export type SetRolesRequest = z.input<typeof setRolesRequest>;

export const userListQuery = z.strictObject({
  search: searchText(100, 0).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type UserListQuery = z.input<typeof userListQuery>;

export const me = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  emailConfirmed: z.boolean(),
  roles: z.array(z.enum(roles)),
  district: z.enum(districts).nullable(),
  ageBand: z.enum(ageBands).nullable(),
  gender: z.enum(genders).nullable(),
  locale: z.enum(locales),
  createdAt: z.string(),
});
export type Me = z.infer<typeof me>;

export const userSummary = me.pick({
  id: true,
  email: true,
  displayName: true,
  roles: true,
  emailConfirmed: true,
  createdAt: true,
});
export type UserSummary = z.infer<typeof userSummary>;

export const userPage = z.object({
  items: z.array(userSummary),
  nextCursor: z.string().nullable(),
});
export type UserPage = z.infer<typeof userPage>;

export const csrfResponse = z.object({ csrfToken: z.string() });
export type CsrfResponse = z.infer<typeof csrfResponse>;

export const healthResponse = z.object({
  status: z.enum(['ok', 'unavailable']),
  database: z.enum(['up', 'down']),
  redis: z.enum(['up', 'down']),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponse>;

/** Everything Razgovor holds about one person, as handed to them on request. */
export const personalDataExport = z.object({
  exportedAt: z.string(),
  account: me,
  sessions: z.array(z.object({ createdAt: z.string(), userAgent: z.string().nullable() })),
  comments: z.array(z.record(z.string(), z.unknown())),
  stances: z.array(z.record(z.string(), z.unknown())),
  summaryResponses: z.array(z.record(z.string(), z.unknown())),
});
export type PersonalDataExport = z.infer<typeof personalDataExport>;

export const mailboxMessage = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  receivedAt: z.string(),
});
export type MailboxMessage = z.infer<typeof mailboxMessage>;

// Public surface of the auth module: API routes, the validation page, seeding and record helpers.

export * from './auth-records.js';
export { authRoutes, VALIDATION_PAGE_PATH } from './auth-routes.js';
export type * from './auth-state.js';
export { seedAuthState } from './seed-auth-state.js';
export { validationPageRoutes } from './validation-page.js';

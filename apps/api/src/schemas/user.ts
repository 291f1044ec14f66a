import { z } from 'zod';
import { base64 } from './common.js';

/** RegisterUserDTO (spec §4.49). */
export const registerUserInput = z
  .object({
    userName: z.string().min(1, 'must not be empty').max(200),
    password: z.string().min(5, 'must be at least 5 characters').max(200),
  })
  .meta({ id: 'RegisterUserDTO' });
export const registerUserOutput = z.object({ id: z.number().int() }).meta({ id: 'RegisterUserOutputDTO' });

/** SignInInputDTO (spec §4.51): the salt is 16–32 decoded bytes (Ambiguity 6). */
export const signInInput = z
  .object({
    userName: z.string().min(1).max(200),
    salt: base64.refine((value) => {
      const length = Buffer.from(value, 'base64').length;
      return length >= 16 && length <= 32;
    }, 'must decode to 16–32 bytes'),
    hashedPassword: base64.min(1),
  })
  .meta({ id: 'SignInInputDTO' });

const tokenDto = z.object({ token: z.string(), expiresIn: z.number().int().nullable() }).meta({ id: 'TokenDTO' });
/** AccessServiceTokensDTO (spec §4.1). */
export const tokenPairOutput = z.object({ access: tokenDto, service: tokenDto }).meta({ id: 'AccessServiceTokensDTO' });

/** ChangePasswordDTO (spec §4.19). */
export const changePasswordInput = z
  .object({ newPassword: z.string().min(5, 'must be at least 5 characters').max(200) })
  .meta({ id: 'ChangePasswordDTO' });

import { createHash, randomBytes } from 'node:crypto';

/** A SignInInputDTO computed as a client does (spec §6.2), with a fresh salt unless one is given. */
export function signInBody(userName: string, password: string, salt: Buffer = randomBytes(16)) {
  const h1 = createHash('sha256').update(password, 'utf8').digest();
  const hashedPassword = createHash('sha256')
    .update(Buffer.concat([h1, salt]))
    .digest();
  return { userName, salt: salt.toString('base64'), hashedPassword: hashedPassword.toString('base64') };
}

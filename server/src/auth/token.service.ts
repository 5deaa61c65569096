import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';

interface AccessTokenClaims {
  sub: string;
  /** Expiry, seconds since the epoch (set by sign). */
  exp?: number;
}

/** Tokens whose signature has been checked, kept until they expire: a phone sends the same token many times. */
const VERIFIED_TOKENS_MAX = 10_000;

/** Access tokens: a JWT whose subject is the user id; roles are never in it (they are read per request). */
@Injectable()
export class TokenService {
  /**
   * token → its user id and expiry. A signature check is deterministic, so a token found here is valid until
   * its expiry, which is still checked on every use; only the HMAC and the JSON parsing are saved.
   */
  private readonly verified = new Map<string, { userId: number; expiresAt: number }>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(userId: number): { accessToken: string; expiresIn: number } {
    const accessToken = this.jwt.sign({ sub: String(userId) } satisfies AccessTokenClaims, {
      expiresIn: this.config.jwtExpiresIn,
    });
    return { accessToken, expiresIn: this.config.jwtExpiresIn };
  }

  /** The user id inside a valid token; 401 for an expired, tampered or malformed one. */
  verify(token: string): number {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.userId;
    if (known) this.verified.delete(token);
    let claims: AccessTokenClaims;
    try {
      claims = this.jwt.verify<AccessTokenClaims>(token);
    } catch (error) {
      if ((error as Error).name === 'TokenExpiredError') {
        throw new ApiException(401, 'unauthenticated', '登录已过期，请重新登录');
      }
      throw new ApiException(401, 'unauthenticated', '登录凭证无效，请重新登录');
    }
    const id = Number(claims.sub);
    if (!Number.isInteger(id) || id <= 0) throw new ApiException(401, 'unauthenticated', '登录凭证无效，请重新登录');
    if (claims.exp !== undefined) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.verified.size >= VERIFIED_TOKENS_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, { userId: id, expiresAt: claims.exp * 1000 });
    }
    return id;
  }
}

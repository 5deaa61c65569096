import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { AppConfig } from '../config/app-config';
import { ApiException } from '../common/api-exception';

interface AccessTokenClaims {
  sub: string;
}

/** Access tokens: a JWT whose subject is the user id; roles are never in it (they are read per request). */
@Injectable()
export class TokenService {
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
    return id;
  }
}

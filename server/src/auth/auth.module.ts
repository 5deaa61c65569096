import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { GridsModule } from '../grids/grids.module';
import { RoleGrant } from '../users/role-grant.entity';
import { User } from '../users/user.entity';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthUserLoader } from './auth-user-loader';
import { AuthService } from './auth.service';
import { AuthenticationGuard } from './authentication.guard';
import { PermissionGuard } from './permission.guard';
import { TokenService } from './token.service';
import { WechatClient } from './wechat-client';

@Module({
  imports: [
    TypeOrmModule.forFeature([User, RoleGrant]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      // A ready key object: given a string, jsonwebtoken first tries (and fails) to parse it as a PEM
      // public key on every verify, which was the single most expensive step of authenticating a request.
      // Same bytes, so tokens issued before stay valid.
      useFactory: (config: AppConfig) => ({
        secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')),
        signOptions: { expiresIn: config.jwtExpiresIn },
      }),
    }),
    UsersModule,
    GridsModule,
  ],
  controllers: [AuthController],
  providers: [
    TokenService,
    AuthUserLoader,
    WechatClient,
    AuthService,
    // Order matters: who is calling first, then whether they may.
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_GUARD, useClass: PermissionGuard },
  ],
  exports: [TokenService, AuthUserLoader],
})
export class AuthModule {}

import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'linli:public';

/** Open to everyone, visitors included, with no permission check (health, login, docs). */
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);

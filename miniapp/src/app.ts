import type { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { api, session } from './services';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    // Roles and residencies may have changed while the app was closed; a 401 here signs the user out.
    if (session.token()) api.me().catch(() => undefined);
  });

  return children;
}

export default App;

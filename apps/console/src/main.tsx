import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { ApiError } from './api/api-error';
import { App } from './app';
import { SessionProvider } from './session/session';

dayjs.locale('zh-cn');

const queries = new QueryClient({
  defaultOptions: {
    queries: {
      // A lost connection is worth trying again; a refusal will not change by asking twice.
      retry: (failures, error) => error instanceof ApiError && error.status === 0 && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const font = "'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { fontFamily: font } }} button={{ autoInsertSpace: false }}>
      <AntApp>
        <QueryClientProvider client={queries}>
          <SessionProvider>
            <BrowserRouter>
              <App />
            </BrowserRouter>
          </SessionProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);

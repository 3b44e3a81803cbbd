import '@mantine/core/styles.css';
import './theme/terminal.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { startFeeds } from './stores/feeds.ts';

const rootElement = document.getElementById('root');
if (rootElement === null) throw new Error('index.html has no #root element');

// Feeds live for the page's lifetime, outside React, so StrictMode's double effects never double-subscribe.
startFeeds();

createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

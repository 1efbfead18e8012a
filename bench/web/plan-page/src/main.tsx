// Next.js would mount app/admin/meetings/page.tsx as the route's page; here
// it is the whole document. React 18 createRoot: concurrent rendering with
// automatic batching, as in a Next.js 13/14 App Router page.
import { createRoot } from 'react-dom/client';
import AdminMeetingsMonitor from '@/app/admin/meetings/page';

createRoot(document.getElementById('root')!).render(<AdminMeetingsMonitor />);

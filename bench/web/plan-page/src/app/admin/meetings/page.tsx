// The plan's Phase 4 admin page (seed: p2p-meeting-room-monitoring.md, 4.1,
// app/admin/meetings/page.tsx), copied verbatim below this comment: a new
// Map per message, every row re-rendered. Its types (UserMetrics, Alert) are
// the plan's; esbuild strips types without checking them, as Next.js's
// build would after its own type check. Do not "fix" this file: the
// benchmark measures the page as the plan writes it.
'use client';

import { useEffect, useState } from 'react';
import { socket } from '@/lib/socket';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';

interface MeetingMetrics {
  meetingId: string;
  users: Map<string, UserMetrics>;
}

export default function AdminMeetingsMonitor() {
  const [meetings, setMeetings] = useState<Map<string, MeetingMetrics>>(new Map());
  const [alerts, setAlerts] = useState<Alert[]>([]);
  
  useEffect(() => {
    // Subscribe to admin updates
    socket.emit('admin:subscribe');
    
    // Listen for metrics updates
    socket.on('meeting:metrics:update', ({ meetingId, userId, metrics }) => {
      setMeetings((prev) => {
        const meeting = prev.get(meetingId) || { meetingId, users: new Map() };
        meeting.users.set(userId, metrics);
        return new Map(prev).set(meetingId, meeting);
      });
    });
    
    // Listen for alerts
    socket.on('meeting:alerts', ({ meetingId, userId, alerts: newAlerts }) => {
      setAlerts((prev) => [...newAlerts, ...prev].slice(0, 50));
    });
    
    return () => {
      socket.off('meeting:metrics:update');
      socket.off('meeting:alerts');
    };
  }, []);
  
  return (
    <div className="p-6 space-y-6">
      <h1 className="text-2xl font-bold">Live Meetings Monitor</h1>
      
      {/* Alerts */}
      {alerts.length > 0 && (
        <Card className="p-4 bg-orange-50 border-orange-200">
          <h2 className="font-semibold mb-2">Active Alerts</h2>
          <div className="space-y-1">
            {alerts.slice(0, 5).map((alert, i) => (
              <div key={i} className="text-sm text-orange-700">
                {alert.message}
              </div>
            ))}
          </div>
        </Card>
      )}
      
      {/* Meetings List */}
      <div className="grid gap-4">
        {Array.from(meetings.values()).map((meeting) => (
          <Card key={meeting.meetingId} className="p-4">
            <h3 className="font-semibold mb-3">Meeting: {meeting.meetingId}</h3>
            
            <div className="space-y-2">
              {Array.from(meeting.users.entries()).map(([userId, metrics]) => (
                <div key={userId} className="flex items-center justify-between p-2 bg-gray-50 rounded">
                  <div className="flex items-center gap-3">
                    <span className="text-sm font-medium">{userId}</span>
                    <Badge variant={getQualityVariant(metrics.connectionQuality)}>
                      {metrics.connectionQuality}
                    </Badge>
                  </div>
                  
                  <div className="flex gap-4 text-sm">
                    <span className="text-green-600">↑ {metrics.totalUpload} kbps</span>
                    <span className="text-blue-600">↓ {metrics.totalDownload} kbps</span>
                    <span className="text-gray-600">{metrics.avgLatency}ms</span>
                    <span className="text-orange-600">{metrics.packetLossRate}% loss</span>
                  </div>
                </div>
              ))}
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}

function getQualityVariant(quality: string) {
  switch (quality) {
    case 'excellent': return 'default';
    case 'good': return 'secondary';
    case 'fair': return 'outline';
    case 'poor': return 'destructive';
    default: return 'outline';
  }
}

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Main</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is too large to hold a token.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live connection quality of the meetings on a P2P meeting platform.

Without a window: meeting-monitor record --help, meeting-monitor export --help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start the built-in simulated gateway and watch it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to the gateway at URL (ws:// or wss://).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket.IO namespace of the metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket.IO path on the gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PATH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the admin token from FILE (default: the MEETING_MONITOR_TOKEN environment variable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE.png, print its path and quit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds to wait before taking the screenshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use either --demo or --gateway, not both.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--screenshot-after takes a number of seconds from 0 to 3600.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL must look like ws://host:port or wss://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot start the demo gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On exit, print the counters of this run (received, rejected by reason, GUI lag, CPU, memory) as one JSON line starting with &quot;stats &quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit after SECONDS (for benchmarks and checks).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the history from FILE (e.g. one a recorder is writing) and record nothing. Without it the application records into its own history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the charts of MEETING, or of one of its users with MEETING/USER (from the history if it is not live).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MEETING[/USER]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The charts&apos; time window: live, 1h, 24h or 7d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>WINDOW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--quit-after takes a number of seconds from 0 to 604800.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--window takes live, 1h, 24h or 7d.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--select takes MEETING or MEETING/USER.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot record the history into %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertBanner</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertCoordinator</name>
    <message>
        <source>Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>the live view&apos;s last %n minute(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Alerts panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the alerts panel (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mute notifications for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting Monitor is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps watching the meetings and will notify you of alerts. Use the tray icon to open the window again, or its Quit to stop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n firing)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mm::AlertEngine</name>
    <message>
        <source>Latency %1 ms, above %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet loss %1 %, above %2 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter %1 ms, above %2 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection quality is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of the meeting&apos;s users have a poor connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No message from the gateway for %1 s while meetings were active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection to the gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertListModel</name>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>packet loss</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of users</source>
        <comment>meeting degraded</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertPreview</name>
    <message>
        <source>There is no history to replay.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The history could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertRules</name>
    <message>
        <source>High latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting degraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Plan thresholds (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Teams call-quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ITU-T G.114</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a time setting is outside 0 s to 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user must be silent for at least 1 s to count as gone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>gateway alerts must be silent for at least 1 s to resolve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: hold and clear times must lie between 0 s and 24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: thresholds must be numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: thresholds must lie between 0 and %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the clear level must not be above the fire level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: needs a clear level above 0 and at least 1 user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: the clear level must be better than the fire level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must lie between 0 and 86400 seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be &quot;warning&quot; or &quot;critical&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a quality level</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the alert rules must be a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;preset&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;rules&quot; must be an object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown rule type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a rule must be an object</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AlertsPanel</name>
    <message>
        <source>15 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All states</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts: no more reminders (Ctrl+Shift+A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an alert to see its timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop notifications about the selected alert&apos;s user, meeting or type for a while</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This &amp;type of alert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>desktop user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  pending (condition first seen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  fired</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n time(s) within the reopen window</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1  acknowledged by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  acknowledged by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  ended (the user or meeting went away)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  cancelled before firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>packet loss</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % of users</source>
        <comment>meeting degraded</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Peak: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Silenced: no notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::AppSettings</name>
    <message>
        <source>Profile #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was skipped: another profile has the same name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 of %2 profiles were read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The settings file %1 is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::ChartStyle</name>
    <message>
        <source>Upload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::ConnectDialog</name>
    <message>
        <source>Connect to a gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ws://host:port or wss://host:port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Admin token (kept in memory only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL must look like ws://host:port or wss://host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The namespace starts with a slash, e.g. /meeting-metrics.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The path starts with a slash, e.g. /socket.io/.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::ConnectionProfile</name>
    <message>
        <source>%1: must not be empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must start with &apos;/&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: longer than %2 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must not contain spaces, control characters, &apos;?&apos;, &apos;#&apos; or &apos;,&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 cannot be read (%3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 is larger than 4 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 holds no PEM or DER certificate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket.IO path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: must not contain control characters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::ConnectionStatusWidget</name>
    <message>
        <source>— msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages per second (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No rejected input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings: %1 · Users: %2 active / %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no messages yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>last message %n s ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n min ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n h ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection lost — retrying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Socket.IO events per second over the last few seconds; %1 received in total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample rejected, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frame dropped, %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invalid fields shown as unknown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::DetailArea</name>
    <message>
        <source>This meeting is not live. Choose 1 h, 24 h or 7 d to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This user is not live. Choose 1 h, 24 h or 7 d to see their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The end of the range must come after its start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history database: only Live is available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading history…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::FleetChartView</name>
    <message>
        <source>All meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live users and meetings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users (left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of users by quality (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No fleet history yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meetings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::GatewayUrlPolicy</name>
    <message>
        <source>Gateway URL: no URL given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL: not a valid URL (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL: the scheme must be wss://, https://, ws:// or http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL: no host name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL: a user name or password must not be part of the URL.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway URL: unencrypted ws:// is only allowed to this computer (127.0.0.1, ::1, localhost); use wss://, or allow unencrypted connections explicitly (the profile&apos;s setting, or --allow-unencrypted).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::Incident</name>
    <message>
        <source>Pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>the user left while alerting</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard and gateway</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::MainWindow</name>
    <message>
        <source>Meeting Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect to a gateway (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ollapse all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only users with &amp;issues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only users whose quality is fair or poor (Ctrl+I)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Focus filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Meeting Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter by meeting, user id or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start with --demo to watch the built-in simulated gateway.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the connection. Its message:

%1

Check the token and use File › Connect… to try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Meeting Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting Monitor %1

Live connection quality of the meetings on a P2P meeting platform: bandwidth, latency, packet loss and jitter of every participant, as their browsers report them.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::MeetingChartView</name>
    <message>
        <source>Latency per participant (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bandwidth per participant, up + down (kbps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score (0–100, left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants (right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a name to highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a meeting to see its history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per-minute rollups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 more participants not drawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no participants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kbps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::MeetingTreeModel</name>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Upload (kbps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download (kbps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jitter (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issues</source>
        <comment>users with fair or poor connections</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>connection quality</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <comment>meeting quality score</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::NotificationPolicy</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>duration</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>duration</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>duration</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Still firing: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Firing for %1, not acknowledged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) still firing in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (for %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered: %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovered after %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) recovered in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::PacketError</name>
    <message>
        <source>no error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>illegal attachment count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too many attachments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid acknowledgement id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid payload for the packet type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::QualityDelegate</name>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::RulesEditorDialog</name>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> % of users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom (current rules)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start from &amp;preset:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minimum users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires at this level or worse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears at this level or better</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fires above this value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clears below this value (the gap avoids flapping)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no connection, or no data while meetings are active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least this many users must be poor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rules</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A resolved alert that fires again within this time reopens:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A user silent this long has left (alerts end):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A gateway alert resolves after this long without repeats:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data this long while meetings are active counts as gateway down (0: off):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Preview on history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many incidents would these rules have raised? Samples: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No history to preview on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No samples in the history (%1) to preview on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Over %n sample(s) from %1 to %2 (%3), these rules would have raised:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n incident(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n incident(s). Gateway down is not part of the preview.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mm::SocketIoClient</name>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to reconnect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>binary frame</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>packet for another namespace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>frame over the size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The namespace must not contain a comma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport closed (code %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>transport error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway closed the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out waiting for the gateway&apos;s handshake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timed out waiting for the namespace to accept us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ping timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid handshake from the gateway: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway refused the connection without a reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway closed the connection right after accepting it (the token was probably refused).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the gateway disconnected us</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file %1: larger than 4 MiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA file %1: no PEM or DER certificate in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown certificate error</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::TimeWindowBar</name>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last five minutes from memory, scrolling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drag across a chart to zoom into that time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop moving with time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move with time again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::TokenCommand</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot use the token file %1: larger than 64 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token file %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the gateway&apos;s admin token in the system keychain.
  token set --gateway URL    read the token from the first line of standard input and store it
  token clear --gateway URL  remove the stored token
Exit codes: 0 done, 1 keychain error, 2 usage error.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The gateway URL the token is for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>set or clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected &apos;token set --gateway URL&apos; or &apos;token clear --gateway URL&apos; (try --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--gateway URL is required (try --help).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--gateway &apos;%1&apos;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token was stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot remove the token for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 was removed from the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token on standard input is longer than 64 KiB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token on standard input: pass it as the first line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token on standard input contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is stored in the keychain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The token for %1 is kept in memory only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available: the token was not stored. The recorder can take it from --token-file or MEETING_MONITOR_TOKEN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot store the token for %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token from the file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token from MEETING_MONITOR_TOKEN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token: the gateway URL has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>token from the keychain for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no token in the keychain for %1; connecting without one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain available; connecting without a token (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read the token for %1 from the keychain: %2 (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::TokenStore</name>
    <message>
        <source>The keyring is locked: unlock it (for example by logging in to the desktop session) and try again. The token was not changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is stored for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No token is kept for %1 in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ok</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keyring locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain timed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>keychain error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keychain available: the token will be kept in memory for this session only.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::TrayIcon</name>
    <message>
        <source>Hide window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mute notifications for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 firing</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications muted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show window</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::TreeItemDelegate</name>
    <message>
        <source>%1
User id: %2
Meeting id: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
Meeting id: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>mm::UserChartView</name>
    <message>
        <source>Bandwidth (kbps)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latency and jitter (ms)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a user to see their history.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User %1 in meeting %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — user %2 in meeting %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>per-minute rollups: lines show min and max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No data (inactive)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (one-minute rollup)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (mean; min %1, max %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Main</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Cannot read the token file %1: %2</translation>
    </message>
    <message>
        <source>The token file %1 is too large to hold a token.</source>
        <translation>The token file %1 is too large to hold a token.</translation>
    </message>
    <message>
        <source>Live connection quality of the meetings on a P2P meeting platform.

Without a window: meeting-monitor record --help, meeting-monitor export --help</source>
        <translation>Live connection quality of the meetings on a P2P meeting platform.

Without a window: meeting-monitor record --help, meeting-monitor export --help</translation>
    </message>
    <message>
        <source>Start the built-in simulated gateway and watch it.</source>
        <translation>Start the built-in simulated gateway and watch it.</translation>
    </message>
    <message>
        <source>Connect to the gateway at URL (ws:// or wss://).</source>
        <translation>Connect to the gateway at URL (ws:// or wss://).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Socket.IO namespace of the metrics.</source>
        <translation>Socket.IO namespace of the metrics.</translation>
    </message>
    <message>
        <source>NS</source>
        <translation>NS</translation>
    </message>
    <message>
        <source>Socket.IO path on the gateway.</source>
        <translation>Socket.IO path on the gateway.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Read the admin token from FILE (default: the MEETING_MONITOR_TOKEN environment variable).</source>
        <translation>Read the admin token from FILE (default: the MEETING_MONITOR_TOKEN environment variable).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE.png, print its path and quit.</source>
        <translation>Save a picture of the main window to FILE.png, print its path and quit.</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>FILE.png</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SECONDS</translation>
    </message>
    <message>
        <source>Unexpected arguments.</source>
        <translation>Unexpected arguments.</translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation>Meeting Monitor</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unexpected argument: %1</translation>
    </message>
    <message>
        <source>--screenshot-after takes a number of seconds from 0 to 3600.</source>
        <translation>--screenshot-after takes a number of seconds from 0 to 3600.</translation>
    </message>
    <message>
        <source>Cannot start the demo gateway: %1</source>
        <translation>Cannot start the demo gateway: %1</translation>
    </message>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation>Cannot save the screenshot to %1.</translation>
    </message>
    <message>
        <source>On exit, print the counters of this run (received, rejected by reason, GUI lag, CPU, memory) as one JSON line starting with &quot;stats &quot;.</source>
        <translation>On exit, print the counters of this run (received, rejected by reason, GUI lag, CPU, memory) as one JSON line starting with &quot;stats &quot;.</translation>
    </message>
    <message>
        <source>Quit after SECONDS (for benchmarks and checks).</source>
        <translation>Quit after SECONDS (for benchmarks and checks).</translation>
    </message>
    <message>
        <source>Read the history from FILE (e.g. one a recorder is writing) and record nothing. Without it the application records into its own history.</source>
        <translation>Read the history from FILE (e.g. one a recorder is writing) and record nothing. Without it the application records into its own history.</translation>
    </message>
    <message>
        <source>Show the charts of MEETING, or of one of its users with MEETING/USER (from the history if it is not live).</source>
        <translation>Show the charts of MEETING, or of one of its users with MEETING/USER (from the history if it is not live).</translation>
    </message>
    <message>
        <source>MEETING[/USER]</source>
        <translation>MEETING[/USER]</translation>
    </message>
    <message>
        <source>The charts&apos; time window: live, 1h, 24h or 7d.</source>
        <translation>The charts&apos; time window: live, 1h, 24h or 7d.</translation>
    </message>
    <message>
        <source>WINDOW</source>
        <translation>WINDOW</translation>
    </message>
    <message>
        <source>--quit-after takes a number of seconds from 0 to 604800.</source>
        <translation>--quit-after takes a number of seconds from 0 to 604800.</translation>
    </message>
    <message>
        <source>--window takes live, 1h, 24h or 7d.</source>
        <translation>--window takes live, 1h, 24h or 7d.</translation>
    </message>
    <message>
        <source>--select takes MEETING or MEETING/USER.</source>
        <translation>--select takes MEETING or MEETING/USER.</translation>
    </message>
    <message>
        <source>Cannot record the history into %1: %2</source>
        <translation>Cannot record the history into %1: %2</translation>
    </message>
    <message>
        <source>Connect with the saved connection profile NAME (Edit › Settings).</source>
        <translation>Connect with the saved connection profile NAME (Edit › Settings).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Use the light or dark palette.</source>
        <translation>Use the light or dark palette.</translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <source>Use only one of --demo, --gateway and --profile.</source>
        <translation>Use only one of --demo, --gateway and --profile.</translation>
    </message>
    <message>
        <source>--palette takes light or dark.</source>
        <translation>--palette takes light or dark.</translation>
    </message>
    <message>
        <source>No usable connection profile is called &quot;%1&quot;.</source>
        <translation>No usable connection profile is called &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Seconds to wait before taking the screenshot (then up to 30 more while the chart&apos;s history is still being read).</source>
        <translation>Seconds to wait before taking the screenshot (then up to 30 more while the chart&apos;s history is still being read).</translation>
    </message>
    <message>
        <source>Also print the --print-stats line every SECONDS while running, with the GUI lag since the previous line (for soak and burst harnesses).</source>
        <translation>Also print the --print-stats line every SECONDS while running, with the GUI lag since the previous line (for soak and burst harnesses).</translation>
    </message>
    <message>
        <source>--stats-every takes a number of seconds from 0.1 to 3600.</source>
        <translation>--stats-every takes a number of seconds from 0.1 to 3600.</translation>
    </message>
    <message>
        <source>The history was still being read when the screenshot was taken.</source>
        <translation>The history was still being read when the screenshot was taken.</translation>
    </message>
</context>
<context>
    <name>mm::AlertBanner</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>mm::AlertCoordinator</name>
    <message>
        <source>Alerts</source>
        <translation>Alerts</translation>
    </message>
    <message numerus="yes">
        <source>the live view&apos;s last %n minute(s)</source>
        <translation>
            <numerusform>the live view&apos;s last %n minute</numerusform>
            <numerusform>the live view&apos;s last %n minutes</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Alerts panel</source>
        <translation>&amp;Alerts panel</translation>
    </message>
    <message>
        <source>Show or hide the alerts panel (Ctrl+Shift+L)</source>
        <translation>Show or hide the alerts panel (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Rules…</translation>
    </message>
    <message>
        <source>&amp;Mute notifications for 1 hour</source>
        <translation>&amp;Mute notifications for 1 hour</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Alerts</translation>
    </message>
    <message>
        <source>Meeting Monitor is still running</source>
        <translation>Meeting Monitor is still running</translation>
    </message>
    <message>
        <source>It keeps watching the meetings and will notify you of alerts. Use the tray icon to open the window again, or its Quit to stop.</source>
        <translation>It keeps watching the meetings and will notify you of alerts. Use the tray icon to open the window again, or its Quit to stop.</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n firing)</source>
        <translation>
            <numerusform>Alerts (%n firing)</numerusform>
            <numerusform>Alerts (%n firing)</numerusform>
        </translation>
    </message>
    <message>
        <source>the history database</source>
        <translation>the history database</translation>
    </message>
    <message>
        <source>Every minute was judged from raw 1 Hz samples.</source>
        <translation>Every minute was judged from raw 1 Hz samples.</translation>
    </message>
    <message>
        <source>%1 user-minute(s) were judged from raw 1 Hz samples and %2 older one(s) from per-minute rollups, replayed at each minute&apos;s mean value and the level it held longest: a breach shorter than about a minute may not count there.</source>
        <translation>%1 user-minute(s) were judged from raw 1 Hz samples and %2 older one(s) from per-minute rollups, replayed at each minute&apos;s mean value and the level it held longest: a breach shorter than about a minute may not count there.</translation>
    </message>
</context>
<context>
    <name>mm::AlertEngine</name>
    <message>
        <source>Latency %1 ms, above %2 ms</source>
        <translation>Latency %1 ms, above %2 ms</translation>
    </message>
    <message>
        <source>Packet loss %1 %, above %2 %</source>
        <translation>Packet loss %1 %, above %2 %</translation>
    </message>
    <message>
        <source>Jitter %1 ms, above %2 ms</source>
        <translation>Jitter %1 ms, above %2 ms</translation>
    </message>
    <message>
        <source>Connection quality is %1</source>
        <translation>Connection quality is %1</translation>
    </message>
    <message>
        <source>%1 % of the meeting&apos;s users have a poor connection</source>
        <translation>%1 % of the meeting&apos;s users have a poor connection</translation>
    </message>
    <message>
        <source>No message from the gateway for %1 s while meetings were active</source>
        <translation>No message from the gateway for %1 s while meetings were active</translation>
    </message>
    <message>
        <source>No connection to the gateway</source>
        <translation>No connection to the gateway</translation>
    </message>
</context>
<context>
    <name>mm::AlertListModel</name>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duration</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Peak</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>packet loss</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % of users</source>
        <comment>meeting degraded</comment>
        <translation>%1 % of users</translation>
    </message>
</context>
<context>
    <name>mm::AlertPreview</name>
    <message>
        <source>There is no history to replay.</source>
        <translation>There is no history to replay.</translation>
    </message>
    <message>
        <source>The history could not be read.</source>
        <translation>The history could not be read.</translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation>The preview was cancelled.</translation>
    </message>
</context>
<context>
    <name>mm::AlertRules</name>
    <message>
        <source>High latency</source>
        <translation>High latency</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Packet loss</translation>
    </message>
    <message>
        <source>High jitter</source>
        <translation>High jitter</translation>
    </message>
    <message>
        <source>Poor connection</source>
        <translation>Poor connection</translation>
    </message>
    <message>
        <source>Meeting degraded</source>
        <translation>Meeting degraded</translation>
    </message>
    <message>
        <source>Gateway down</source>
        <translation>Gateway down</translation>
    </message>
    <message>
        <source>Gateway alert</source>
        <translation>Gateway alert</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Plan thresholds (default)</source>
        <translation>Plan thresholds (default)</translation>
    </message>
    <message>
        <source>Teams call-quality</source>
        <translation>Teams call-quality</translation>
    </message>
    <message>
        <source>ITU-T G.114</source>
        <translation>ITU-T G.114</translation>
    </message>
    <message>
        <source>a time setting is outside 0 s to 24 h</source>
        <translation>a time setting is outside 0 s to 24 h</translation>
    </message>
    <message>
        <source>a user must be silent for at least 1 s to count as gone</source>
        <translation>a user must be silent for at least 1 s to count as gone</translation>
    </message>
    <message>
        <source>gateway alerts must be silent for at least 1 s to resolve</source>
        <translation>gateway alerts must be silent for at least 1 s to resolve</translation>
    </message>
    <message>
        <source>%1: hold and clear times must lie between 0 s and 24 h</source>
        <translation>%1: hold and clear times must lie between 0 s and 24 h</translation>
    </message>
    <message>
        <source>%1: thresholds must be numbers</source>
        <translation>%1: thresholds must be numbers</translation>
    </message>
    <message>
        <source>%1: thresholds must lie between 0 and %2</source>
        <translation>%1: thresholds must lie between 0 and %2</translation>
    </message>
    <message>
        <source>%1: the clear level must not be above the fire level</source>
        <translation>%1: the clear level must not be above the fire level</translation>
    </message>
    <message>
        <source>%1: needs a clear level above 0 and at least 1 user</source>
        <translation>%1: needs a clear level above 0 and at least 1 user</translation>
    </message>
    <message>
        <source>%1: the clear level must be better than the fire level</source>
        <translation>%1: the clear level must be better than the fire level</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>unknown key &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number</source>
        <translation>&quot;%1&quot; must be a number</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must lie between 0 and 86400 seconds</source>
        <translation>&quot;%1&quot; must lie between 0 and 86400 seconds</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>&quot;%1&quot; must be a whole number</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>&quot;%1&quot; must be true or false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be &quot;warning&quot; or &quot;critical&quot;</source>
        <translation>&quot;%1&quot; must be &quot;warning&quot; or &quot;critical&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a quality level</source>
        <translation>&quot;%1&quot; must be a quality level</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>not valid JSON: %1</translation>
    </message>
    <message>
        <source>the alert rules must be a JSON object</source>
        <translation>the alert rules must be a JSON object</translation>
    </message>
    <message>
        <source>unsupported version</source>
        <translation>unsupported version</translation>
    </message>
    <message>
        <source>&quot;preset&quot; must be a string</source>
        <translation>&quot;preset&quot; must be a string</translation>
    </message>
    <message>
        <source>&quot;rules&quot; must be an object</source>
        <translation>&quot;rules&quot; must be an object</translation>
    </message>
    <message>
        <source>unknown rule type &quot;%1&quot;</source>
        <translation>unknown rule type &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: a rule must be an object</source>
        <translation>%1: a rule must be an object</translation>
    </message>
</context>
<context>
    <name>mm::AlertsPanel</name>
    <message>
        <source>15 minutes</source>
        <translation>15 minutes</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 hour</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 hours</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 hours</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Acknowledge</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>All severities</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Firing</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>All states</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>User</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts: no more reminders (Ctrl+Shift+A)</source>
        <translation>Acknowledge the selected alerts: no more reminders (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Acknowledge (%1)</source>
        <translation>Acknowledge (%1)</translation>
    </message>
    <message>
        <source>Select an alert to see its timeline.</source>
        <translation>Select an alert to see its timeline.</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silence</translation>
    </message>
    <message>
        <source>Stop notifications about the selected alert&apos;s user, meeting or type for a while</source>
        <translation>Stop notifications about the selected alert&apos;s user, meeting or type for a while</translation>
    </message>
    <message>
        <source>This &amp;user</source>
        <translation>This &amp;user</translation>
    </message>
    <message>
        <source>This &amp;meeting</source>
        <translation>This &amp;meeting</translation>
    </message>
    <message>
        <source>This &amp;type of alert</source>
        <translation>This &amp;type of alert</translation>
    </message>
    <message>
        <source>desktop user</source>
        <translation>desktop user</translation>
    </message>
    <message>
        <source>%1 — %2 — %3</source>
        <translation>%1 — %2 — %3</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Meeting: %1</source>
        <translation>Meeting: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>User: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>%1  pending (condition first seen)</source>
        <translation>%1  pending (condition first seen)</translation>
    </message>
    <message>
        <source>%1  fired</source>
        <translation>%1  fired</translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n time(s) within the reopen window</source>
        <translation>
            <numerusform>Reopened %n time within the reopen window</numerusform>
            <numerusform>Reopened %n times within the reopen window</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  acknowledged by %2</source>
        <translation>%1  acknowledged by %2</translation>
    </message>
    <message>
        <source>%1  acknowledged by %2: %3</source>
        <translation>%1  acknowledged by %2: %3</translation>
    </message>
    <message>
        <source>%1  resolved</source>
        <translation>%1  resolved</translation>
    </message>
    <message>
        <source>%1  ended (the user or meeting went away)</source>
        <translation>%1  ended (the user or meeting went away)</translation>
    </message>
    <message>
        <source>%1  cancelled before firing</source>
        <translation>%1  cancelled before firing</translation>
    </message>
    <message>
        <source>Firing for %1</source>
        <translation>Firing for %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>packet loss</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 % of users</source>
        <comment>meeting degraded</comment>
        <translation>%1 % of users</translation>
    </message>
    <message>
        <source>Peak: %1</source>
        <translation>Peak: %1</translation>
    </message>
    <message>
        <source>Silenced: no notifications</source>
        <translation>Silenced: no notifications</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Message: %1</translation>
    </message>
</context>
<context>
    <name>mm::AppSettings</name>
    <message>
        <source>Profile #%1</source>
        <translation>Profile #%1</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;</source>
        <translation>Profile &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>%1 was skipped: %2</translation>
    </message>
    <message>
        <source>%1 was skipped: another profile has the same name.</source>
        <translation>%1 was skipped: another profile has the same name.</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 profiles were read.</source>
        <translation>Only the first %1 of %2 profiles were read.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>The settings file %1 cannot be written.</translation>
    </message>
    <message>
        <source>The settings file %1 is malformed.</source>
        <translation>The settings file %1 is malformed.</translation>
    </message>
</context>
<context>
    <name>mm::ChartStyle</name>
    <message>
        <source>Upload</source>
        <translation>Upload</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latency</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Packet loss</translation>
    </message>
    <message>
        <source>kbps</source>
        <translation>kbps</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>mm::ConnectDialog</name>
    <message>
        <source>Connect to a gateway</source>
        <translation>Connect to a gateway</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation>&amp;Gateway URL:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>&amp;Path:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s address.</source>
        <translation>Enter the gateway&apos;s address.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Allow &amp;unencrypted ws:// to another computer</source>
        <translation>Allow &amp;unencrypted ws:// to another computer</translation>
    </message>
    <message>
        <source>&amp;Remember the token in the system keychain</source>
        <translation>&amp;Remember the token in the system keychain</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway URL</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Socket.IO path</source>
        <translation>Socket.IO path</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Choose a CA file</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Admin token</translation>
    </message>
    <message>
        <source>wss://host:port (ws:// only to this computer)</source>
        <translation>wss://host:port (ws:// only to this computer)</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>The system&apos;s certificate authorities</translation>
    </message>
    <message>
        <source>Leave empty to use the stored token</source>
        <translation>Leave empty to use the stored token</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>&amp;CA file:</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Connect to %1</translation>
    </message>
    <message>
        <source>This profile reads its token from a file; a token typed here is used instead, for this connection.</source>
        <translation>This profile reads its token from a file; a token typed here is used instead, for this connection.</translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available: the token is kept in memory for this run only and asked for again next time.</source>
        <translation>No system keychain (Secret Service) is available: the token is kept in memory for this run only and asked for again next time.</translation>
    </message>
    <message>
        <source>The token is kept in memory for this run only.</source>
        <translation>The token is kept in memory for this run only.</translation>
    </message>
    <message>
        <source>Everything sent, the token included, can be read on the way.</source>
        <translation>Everything sent, the token included, can be read on the way.</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>Choose the gateway&apos;s CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
</context>
<context>
    <name>mm::ConnectionProfile</name>
    <message>
        <source>%1: must not be empty.</source>
        <translation>%1: must not be empty.</translation>
    </message>
    <message>
        <source>%1: must start with &apos;/&apos;.</source>
        <translation>%1: must start with &apos;/&apos;.</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters.</source>
        <translation>%1: longer than %2 characters.</translation>
    </message>
    <message>
        <source>%1: must not contain spaces, control characters, &apos;?&apos;, &apos;#&apos; or &apos;,&apos;.</source>
        <translation>%1: must not contain spaces, control characters, &apos;?&apos;, &apos;#&apos; or &apos;,&apos;.</translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation>%1: %2 does not exist.</translation>
    </message>
    <message>
        <source>%1: %2 is not a file.</source>
        <translation>%1: %2 is not a file.</translation>
    </message>
    <message>
        <source>%1: %2 cannot be read (%3).</source>
        <translation>%1: %2 cannot be read (%3).</translation>
    </message>
    <message>
        <source>%1: %2 is larger than 4 MiB.</source>
        <translation>%1: %2 is larger than 4 MiB.</translation>
    </message>
    <message>
        <source>%1: %2 holds no PEM or DER certificate.</source>
        <translation>%1: %2 holds no PEM or DER certificate.</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Profile name</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>Gateway URL</translation>
    </message>
    <message>
        <source>Socket.IO path</source>
        <translation>Socket.IO path</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>CA file</translation>
    </message>
    <message>
        <source>%1: must not contain control characters.</source>
        <translation>%1: must not contain control characters.</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Token file</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>mm::ConnectionStatusWidget</name>
    <message>
        <source>— msg/s</source>
        <translation>— msg/s</translation>
    </message>
    <message>
        <source>Messages per second (not connected)</source>
        <translation>Messages per second (not connected)</translation>
    </message>
    <message>
        <source>Rejected: 0</source>
        <translation>Rejected: 0</translation>
    </message>
    <message>
        <source>No rejected input</source>
        <translation>No rejected input</translation>
    </message>
    <message>
        <source>Meetings: %1 · Users: %2 active / %3</source>
        <translation>Meetings: %1 · Users: %2 active / %3</translation>
    </message>
    <message>
        <source>no messages yet</source>
        <translation>no messages yet</translation>
    </message>
    <message>
        <source>no messages</source>
        <translation>no messages</translation>
    </message>
    <message numerus="yes">
        <source>last message %n s ago</source>
        <translation>
            <numerusform>last message %n s ago</numerusform>
            <numerusform>last message %n s ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n min ago</source>
        <translation>
            <numerusform>last message %n min ago</numerusform>
            <numerusform>last message %n min ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n h ago</source>
        <translation>
            <numerusform>last message %n h ago</numerusform>
            <numerusform>last message %n h ago</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation>Not connected — File › Connect…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Connecting to %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Connected to %1</translation>
    </message>
    <message>
        <source>Connection lost — retrying</source>
        <translation>Connection lost — retrying</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>Refused by the gateway</translation>
    </message>
    <message>
        <source>Refused by the gateway: %1</source>
        <translation>Refused by the gateway: %1</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 msg/s</translation>
    </message>
    <message>
        <source>Socket.IO events per second over the last few seconds; %1 received in total</source>
        <translation>Socket.IO events per second over the last few seconds; %1 received in total</translation>
    </message>
    <message>
        <source>Sample rejected, %1: %2</source>
        <translation>Sample rejected, %1: %2</translation>
    </message>
    <message>
        <source>Frame dropped, %1: %2</source>
        <translation>Frame dropped, %1: %2</translation>
    </message>
    <message>
        <source>Invalid fields shown as unknown: %1</source>
        <translation>Invalid fields shown as unknown: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Rejected: %1</translation>
    </message>
    <message>
        <source>Not connected, the TLS check failed: %1</source>
        <translation>Not connected, the TLS check failed: %1</translation>
    </message>
    <message>
        <source>Samples shed while the window and the history were behind (neither shown nor recorded): %1</source>
        <translation>Samples shed while the window and the history were behind (neither shown nor recorded): %1</translation>
    </message>
    <message>
        <source>Rejected: %1 · Shed: %2</source>
        <translation>Rejected: %1 · Shed: %2</translation>
    </message>
</context>
<context>
    <name>mm::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Acknowledge</translation>
    </message>
</context>
<context>
    <name>mm::DetailArea</name>
    <message>
        <source>This meeting is not live. Choose 1 h, 24 h or 7 d to see its history.</source>
        <translation>This meeting is not live. Choose 1 h, 24 h or 7 d to see its history.</translation>
    </message>
    <message>
        <source>This user is not live. Choose 1 h, 24 h or 7 d to see their history.</source>
        <translation>This user is not live. Choose 1 h, 24 h or 7 d to see their history.</translation>
    </message>
    <message>
        <source>The end of the range must come after its start.</source>
        <translation>The end of the range must come after its start.</translation>
    </message>
    <message>
        <source>No history database: only Live is available.</source>
        <translation>No history database: only Live is available.</translation>
    </message>
    <message>
        <source>Reading history…</source>
        <translation>Reading history…</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>History unavailable: %1</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Cannot read the history: %1</translation>
    </message>
</context>
<context>
    <name>mm::ExportCommand</name>
    <message>
        <source>corrupt rollup (minute %1, user key %2)</source>
        <translation>corrupt rollup (minute %1, user key %2)</translation>
    </message>
    <message>
        <source>cannot write the output: </source>
        <translation>cannot write the output: </translation>
    </message>
    <message>
        <source>corrupt raw block (minute %1, user key %2)</source>
        <translation>corrupt raw block (minute %1, user key %2)</translation>
    </message>
    <message>
        <source>Export recorded samples (or, with --resolution, per-user rollups; with --alerts, alert incidents) from a Meeting Monitor history as CSV.</source>
        <translation>Export recorded samples (or, with --resolution, per-user rollups; with --alerts, alert incidents) from a Meeting Monitor history as CSV.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>History database to read.</source>
        <translation>History database to read.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Output format (csv).</source>
        <translation>Output format (csv).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>First receive time to include, ISO-8601 (UTC unless an offset is given).</source>
        <translation>First receive time to include, ISO-8601 (UTC unless an offset is given).</translation>
    </message>
    <message>
        <source>ISO8601</source>
        <translation>ISO8601</translation>
    </message>
    <message>
        <source>Receive time to stop before, ISO-8601.</source>
        <translation>Receive time to stop before, ISO-8601.</translation>
    </message>
    <message>
        <source>Only this meeting id.</source>
        <translation>Only this meeting id.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Only this user id.</source>
        <translation>Only this user id.</translation>
    </message>
    <message>
        <source>Write to FILE (atomically) instead of stdout.</source>
        <translation>Write to FILE (atomically) instead of stdout.</translation>
    </message>
    <message>
        <source>Export per-user rollups instead of raw samples: 1m (one row per user and minute) or 1h (per hour).</source>
        <translation>Export per-user rollups instead of raw samples: 1m (one row per user and minute) or 1h (per hour).</translation>
    </message>
    <message>
        <source>Export alert incidents instead of samples, one row per incident; --from/--to select by start time.</source>
        <translation>Export alert incidents instead of samples, one row per incident; --from/--to select by start time.</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (try --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>unexpected argument &apos;%1&apos; (try --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>--db FILE is required (try --help)</translation>
    </message>
    <message>
        <source>unsupported format &apos;%1&apos; (only csv)</source>
        <translation>unsupported format &apos;%1&apos; (only csv)</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not an ISO-8601 date or date-time (e.g. 2026-11-24T10:15:03Z)</source>
        <translation>--%1: &apos;%2&apos; is not an ISO-8601 date or date-time (e.g. 2026-11-24T10:15:03Z)</translation>
    </message>
    <message>
        <source>--from is after --to</source>
        <translation>--from is after --to</translation>
    </message>
    <message>
        <source>--resolution: &apos;%1&apos; is not 1m or 1h</source>
        <translation>--resolution: &apos;%1&apos; is not 1m or 1h</translation>
    </message>
    <message>
        <source>--alerts and --resolution cannot be combined</source>
        <translation>--alerts and --resolution cannot be combined</translation>
    </message>
    <message>
        <source>export failed: %1</source>
        <translation>export failed: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>cannot write %1: %2</translation>
    </message>
    <message>
        <source>export to %1 failed: %2</source>
        <translation>export to %1 failed: %2</translation>
    </message>
</context>
<context>
    <name>mm::ExportDialog</name>
    <message>
        <source>&amp;Everything</source>
        <translation>&amp;Everything</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Samples (every second, raw)</source>
        <translation>Samples (every second, raw)</translation>
    </message>
    <message>
        <source>Rollups per minute</source>
        <translation>Rollups per minute</translation>
    </message>
    <message>
        <source>Rollups per hour</source>
        <translation>Rollups per hour</translation>
    </message>
    <message>
        <source>Alert incidents</source>
        <translation>Alert incidents</translation>
    </message>
    <message>
        <source>Weekly quality report</source>
        <translation>Weekly quality report</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>File to write</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;What:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>F&amp;ile:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>No history is recorded: start with a history database to export.</source>
        <translation>No history is recorded: start with a history database to export.</translation>
    </message>
    <message>
        <source>Reads the history in %1.</source>
        <translation>Reads the history in %1.</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Local time (%1)</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>F&amp;rom:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;To:</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>so far</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>&amp;Week:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>Time &amp;zone:</translation>
    </message>
    <message>
        <source>The selected meeting (none selected)</source>
        <translation>The selected meeting (none selected)</translation>
    </message>
    <message>
        <source>Meeting %1</source>
        <translation>Meeting %1</translation>
    </message>
    <message>
        <source>The selected user (none selected)</source>
        <translation>The selected user (none selected)</translation>
    </message>
    <message>
        <source>User %1 in meeting %2</source>
        <translation>User %1 in meeting %2</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Choose a file to write.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file.</source>
        <translation>%1 is a folder: choose a file.</translation>
    </message>
    <message>
        <source>The range is empty: “From” must be before “To”.</source>
        <translation>The range is empty: “From” must be before “To”.</translation>
    </message>
    <message>
        <source>No meeting is selected: select one in the tree, or export everything.</source>
        <translation>No meeting is selected: select one in the tree, or export everything.</translation>
    </message>
    <message>
        <source>No user is selected: select one in the tree, or export everything.</source>
        <translation>No user is selected: select one in the tree, or export everything.</translation>
    </message>
    <message>
        <source>PDF (A4, with charts)</source>
        <translation>PDF (A4, with charts)</translation>
    </message>
    <message>
        <source>CSV (comma-separated)</source>
        <translation>CSV (comma-separated)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV file (*.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Export to</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>%1 exists. Replace it? (It stays as it is unless the export completes.)</source>
        <translation>%1 exists. Replace it? (It stays as it is unless the export completes.)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Drawing the PDF…</source>
        <translation>Drawing the PDF…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Exported %n row to %1.</numerusform>
            <numerusform>Exported %n rows to %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Exported to %1.</translation>
    </message>
    <message>
        <source>Cancelled: %1 was left as it was.</source>
        <translation>Cancelled: %1 was left as it was.</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelled: no file was written.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
</context>
<context>
    <name>mm::ExportWorker</name>
    <message>
        <source>Cannot open the history: %1</source>
        <translation>Cannot open the history: %1</translation>
    </message>
    <message>
        <source>no history is recorded</source>
        <translation>no history is recorded</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Cannot write %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not an ISO week.</source>
        <translation>“%1” is not an ISO week.</translation>
    </message>
    <message>
        <source>Unknown time zone %1.</source>
        <translation>Unknown time zone %1.</translation>
    </message>
</context>
<context>
    <name>mm::FleetChartView</name>
    <message>
        <source>All meetings</source>
        <translation>All meetings</translation>
    </message>
    <message>
        <source>Live users and meetings</source>
        <translation>Live users and meetings</translation>
    </message>
    <message>
        <source>Users (left)</source>
        <translation>Users (left)</translation>
    </message>
    <message>
        <source>Meetings (right)</source>
        <translation>Meetings (right)</translation>
    </message>
    <message>
        <source>Share of users by quality (%)</source>
        <translation>Share of users by quality (%)</translation>
    </message>
    <message>
        <source>No fleet history yet.</source>
        <translation>No fleet history yet.</translation>
    </message>
    <message>
        <source>no users</source>
        <translation>no users</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>No data in this window.</translation>
    </message>
    <message>
        <source>No users</source>
        <translation>No users</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Users: %1</translation>
    </message>
    <message>
        <source>Meetings: %1</source>
        <translation>Meetings: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>mm::GatewayUrlPolicy</name>
    <message>
        <source>Gateway URL: no URL given.</source>
        <translation>Gateway URL: no URL given.</translation>
    </message>
    <message>
        <source>Gateway URL: not a valid URL (%1).</source>
        <translation>Gateway URL: not a valid URL (%1).</translation>
    </message>
    <message>
        <source>Gateway URL: the scheme must be wss://, https://, ws:// or http://.</source>
        <translation>Gateway URL: the scheme must be wss://, https://, ws:// or http://.</translation>
    </message>
    <message>
        <source>Gateway URL: no host name.</source>
        <translation>Gateway URL: no host name.</translation>
    </message>
    <message>
        <source>Gateway URL: a user name or password must not be part of the URL.</source>
        <translation>Gateway URL: a user name or password must not be part of the URL.</translation>
    </message>
    <message>
        <source>Gateway URL: unencrypted ws:// is only allowed to this computer (127.0.0.1, ::1, localhost); use wss://, or allow unencrypted connections explicitly (the profile&apos;s setting, or --allow-unencrypted).</source>
        <translation>Gateway URL: unencrypted ws:// is only allowed to this computer (127.0.0.1, ::1, localhost); use wss://, or allow unencrypted connections explicitly (the profile&apos;s setting, or --allow-unencrypted).</translation>
    </message>
    <message>
        <source>Trust only the CA certificates in FILE (PEM or DER) for a wss:// gateway, instead of the system&apos;s.</source>
        <translation>Trust only the CA certificates in FILE (PEM or DER) for a wss:// gateway, instead of the system&apos;s.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>Allow ws:// to a gateway on another computer (the token and the metrics travel unencrypted; a warning says so).</source>
        <translation>Allow ws:// to a gateway on another computer (the token and the metrics travel unencrypted; a warning says so).</translation>
    </message>
</context>
<context>
    <name>mm::HeadlessCommands</name>
    <message>
        <source>not available in this program</source>
        <translation>not available in this program</translation>
    </message>
</context>
<context>
    <name>mm::ImportCommand</name>
    <message>
        <source>more than %1 cells</source>
        <translation>more than %1 cells</translation>
    </message>
    <message>
        <source>a quoted cell is not closed before the end of the file</source>
        <translation>a quoted cell is not closed before the end of the file</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>text after a closing quote</translation>
    </message>
    <message>
        <source>a cell longer than %1 bytes</source>
        <translation>a cell longer than %1 bytes</translation>
    </message>
    <message>
        <source>Import samples from a CSV file in the format of `meeting-monitor export --format csv` into a history database (created if needed), taking `time` as the sample time. Bad rows are reported and skipped; the good rows are kept.
Exit codes: 0 every row imported, 1 error, 2 usage error, 3 some rows rejected.</source>
        <translation>Import samples from a CSV file in the format of `meeting-monitor export --format csv` into a history database (created if needed), taking `time` as the sample time. Bad rows are reported and skipped; the good rows are kept.
Exit codes: 0 every row imported, 1 error, 2 usage error, 3 some rows rejected.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>History database to write.</source>
        <translation>History database to write.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>CSV file to read.</source>
        <translation>CSV file to read.</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (try --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>unexpected argument &apos;%1&apos; (try --help)</translation>
    </message>
    <message>
        <source>--db FILE and --csv FILE are required (try --help)</source>
        <translation>--db FILE and --csv FILE are required (try --help)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>cannot read %1: %2</translation>
    </message>
    <message>
        <source>%1: no header row%2</source>
        <translation>%1: no header row%2</translation>
    </message>
    <message>
        <source>line %1: unknown column &apos;%2&apos; (ignored)</source>
        <translation>line %1: unknown column &apos;%2&apos; (ignored)</translation>
    </message>
    <message>
        <source>line %1: column &apos;%2&apos; appears twice</source>
        <translation>line %1: column &apos;%2&apos; appears twice</translation>
    </message>
    <message>
        <source>line %1: the header has no &apos;%2&apos; column</source>
        <translation>line %1: the header has no &apos;%2&apos; column</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>line %1: %2</translation>
    </message>
    <message>
        <source>more rejected rows follow; only their count is reported</source>
        <translation>more rejected rows follow; only their count is reported</translation>
    </message>
    <message>
        <source>%1 cells where the header has %2</source>
        <translation>%1 cells where the header has %2</translation>
    </message>
    <message>
        <source>time: &apos;%1&apos; is not an ISO-8601 time</source>
        <translation>time: &apos;%1&apos; is not an ISO-8601 time</translation>
    </message>
    <message>
        <source>%1: empty or longer than %2 characters</source>
        <translation>%1: empty or longer than %2 characters</translation>
    </message>
    <message>
        <source>quality: &apos;%1&apos; is not excellent, good, fair or poor</source>
        <translation>quality: &apos;%1&apos; is not excellent, good, fair or poor</translation>
    </message>
    <message>
        <source>%1: not a number</source>
        <translation>%1: not a number</translation>
    </message>
    <message>
        <source>%1: %2 is outside 0..%3</source>
        <translation>%1: %2 is outside 0..%3</translation>
    </message>
    <message>
        <source>import stopped: %1; the rows before line %2 are stored, nothing of the failed transaction is</source>
        <translation>import stopped: %1; the rows before line %2 are stored, nothing of the failed transaction is</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>read error</translation>
    </message>
    <message>
        <source>imported %1 samples from %2; %3 rows rejected</source>
        <translation>imported %1 samples from %2; %3 rows rejected</translation>
    </message>
</context>
<context>
    <name>mm::Incident</name>
    <message>
        <source>Pending</source>
        <translation>Pending</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Firing</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Resolved</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>the user left while alerting</comment>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Dashboard and gateway</source>
        <translation>Dashboard and gateway</translation>
    </message>
</context>
<context>
    <name>mm::MainWindow</name>
    <message>
        <source>Meeting Monitor</source>
        <translation>Meeting Monitor</translation>
    </message>
    <message>
        <source>&amp;Connect…</source>
        <translation>&amp;Connect…</translation>
    </message>
    <message>
        <source>Connect to a gateway (Ctrl+K)</source>
        <translation>Connect to a gateway (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Disconnect</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>&amp;Expand all</translation>
    </message>
    <message>
        <source>C&amp;ollapse all</source>
        <translation>C&amp;ollapse all</translation>
    </message>
    <message>
        <source>Only users with &amp;issues</source>
        <translation>Only users with &amp;issues</translation>
    </message>
    <message>
        <source>Show only users whose quality is fair or poor (Ctrl+I)</source>
        <translation>Show only users whose quality is fair or poor (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Focus filter</source>
        <translation>&amp;Focus filter</translation>
    </message>
    <message>
        <source>&amp;About Meeting Monitor</source>
        <translation>&amp;About Meeting Monitor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Filter by meeting, user id or name</source>
        <translation>Filter by meeting, user id or name</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation>Not connected — File › Connect…</translation>
    </message>
    <message>
        <source>Start with --demo to watch the built-in simulated gateway.</source>
        <translation>Start with --demo to watch the built-in simulated gateway.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Connect…</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Connection refused</translation>
    </message>
    <message>
        <source>The gateway refused the connection. Its message:

%1

Check the token and use File › Connect… to try again.</source>
        <translation>The gateway refused the connection. Its message:

%1

Check the token and use File › Connect… to try again.</translation>
    </message>
    <message>
        <source>About Meeting Monitor</source>
        <translation>About Meeting Monitor</translation>
    </message>
    <message>
        <source>Meeting Monitor %1

Live connection quality of the meetings on a P2P meeting platform: bandwidth, latency, packet loss and jitter of every participant, as their browsers report them.</source>
        <translation>Meeting Monitor %1

Live connection quality of the meetings on a P2P meeting platform: bandwidth, latency, packet loss and jitter of every participant, as their browsers report them.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Export…</translation>
    </message>
    <message>
        <source>Export samples, rollups, alert incidents or the weekly report (Ctrl+E)</source>
        <translation>Export samples, rollups, alert incidents or the weekly report (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save c&amp;hart as…</source>
        <translation>Save c&amp;hart as…</translation>
    </message>
    <message>
        <source>Save the chart below the tree as PNG or PDF (Ctrl+Shift+S)</source>
        <translation>Save the chart below the tree as PNG or PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Connect &amp;to</source>
        <translation>Connect &amp;to</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Unencrypted: the token and metrics can be read on the network</source>
        <translation>Unencrypted: the token and metrics can be read on the network</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate was not accepted, so no connection was made:

%1

Check the profile&apos;s CA file and the gateway&apos;s host name, then use File › Connect… to try again.</source>
        <translation>The gateway&apos;s certificate was not accepted, so no connection was made:

%1

Check the profile&apos;s CA file and the gateway&apos;s host name, then use File › Connect… to try again.</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Connection profiles</translation>
    </message>
    <message>
        <source>Some connection profiles cannot be used and were left out; the others are available. Fix or remove them in Edit › Settings.

%1</source>
        <translation>Some connection profiles cannot be used and were left out; the others are available. Fix or remove them in Edit › Settings.

%1</translation>
    </message>
    <message>
        <source>Edit profiles…</source>
        <translation>Edit profiles…</translation>
    </message>
    <message>
        <source>No token is stored for %1 yet. Type it to connect, or leave it empty if the gateway needs none.</source>
        <translation>No token is stored for %1 yet. Type it to connect, or leave it empty if the gateway needs none.</translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation>No system keychain is available.</translation>
    </message>
    <message>
        <source>The keyring is locked, so the stored token cannot be read. Unlock it and connect again, or type the token for this run.</source>
        <translation>The keyring is locked, so the stored token cannot be read. Unlock it and connect again, or type the token for this run.</translation>
    </message>
    <message>
        <source>The keychain did not give the token: %1</source>
        <translation>The keychain did not give the token: %1</translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept in memory for this run only.</source>
        <translation>No system keychain is available: the token is kept in memory for this run only.</translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain (%1); it is kept in memory for this run only.</source>
        <translation>The token could not be stored in the keychain (%1); it is kept in memory for this run only.</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Keychain</translation>
    </message>
    <message>
        <source>Not connected: showing the recorded history — File › Connect… for live data</source>
        <translation>Not connected: showing the recorded history — File › Connect… for live data</translation>
    </message>
</context>
<context>
    <name>mm::MeetingChartView</name>
    <message>
        <source>Latency per participant (ms)</source>
        <translation>Latency per participant (ms)</translation>
    </message>
    <message>
        <source>Bandwidth per participant, up + down (kbps)</source>
        <translation>Bandwidth per participant, up + down (kbps)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Score (0–100, left)</source>
        <translation>Score (0–100, left)</translation>
    </message>
    <message>
        <source>Participants (right)</source>
        <translation>Participants (right)</translation>
    </message>
    <message>
        <source>Click a name to highlight</source>
        <translation>Click a name to highlight</translation>
    </message>
    <message>
        <source>Select a meeting to see its history.</source>
        <translation>Select a meeting to see its history.</translation>
    </message>
    <message>
        <source>Meeting %1 (%2)</source>
        <translation>Meeting %1 (%2)</translation>
    </message>
    <message>
        <source>per-minute rollups</source>
        <translation>per-minute rollups</translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation>raw 1 s samples</translation>
    </message>
    <message>
        <source>%1 more participants not drawn</source>
        <translation>%1 more participants not drawn</translation>
    </message>
    <message>
        <source>no participants</source>
        <translation>no participants</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>No data in this window.</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>No data</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Score: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Participants: %1</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>kbps</source>
        <translation>kbps</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>… and %1 more</translation>
    </message>
</context>
<context>
    <name>mm::MeetingTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Upload (kbps)</source>
        <translation>Upload (kbps)</translation>
    </message>
    <message>
        <source>Download (kbps)</source>
        <translation>Download (kbps)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latency (ms)</translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation>Packet loss (%)</translation>
    </message>
    <message>
        <source>Jitter (ms)</source>
        <translation>Jitter (ms)</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Issues</source>
        <comment>users with fair or poor connections</comment>
        <translation>Issues</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>connection quality</comment>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>%1 of %2 active</source>
        <translation>%1 of %2 active</translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <comment>meeting quality score</comment>
        <translation>%1 / 100</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
</context>
<context>
    <name>mm::NotificationPolicy</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <source>the gateway</source>
        <translation>the gateway</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) in %1</source>
        <translation>
            <numerusform>%n alert in %1</numerusform>
            <numerusform>%n alerts in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Still firing: %1: %2</source>
        <translation>Still firing: %1: %2</translation>
    </message>
    <message>
        <source>Firing for %1, not acknowledged.</source>
        <translation>Firing for %1, not acknowledged.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) still firing in %1</source>
        <translation>
            <numerusform>%n alert still firing in %1</numerusform>
            <numerusform>%n alerts still firing in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (for %2)</source>
        <translation>%1 (for %2)</translation>
    </message>
    <message>
        <source>Recovered: %1: %2</source>
        <translation>Recovered: %1: %2</translation>
    </message>
    <message>
        <source>Recovered after %1.</source>
        <translation>Recovered after %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) recovered in %1</source>
        <translation>
            <numerusform>%n alert recovered in %1</numerusform>
            <numerusform>%n alerts recovered in %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation>%1 (after %2)</translation>
    </message>
</context>
<context>
    <name>mm::PacketError</name>
    <message>
        <source>no error</source>
        <translation>no error</translation>
    </message>
    <message>
        <source>empty packet</source>
        <translation>empty packet</translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation>unknown packet type</translation>
    </message>
    <message>
        <source>illegal attachment count</source>
        <translation>illegal attachment count</translation>
    </message>
    <message>
        <source>too many attachments</source>
        <translation>too many attachments</translation>
    </message>
    <message>
        <source>invalid acknowledgement id</source>
        <translation>invalid acknowledgement id</translation>
    </message>
    <message>
        <source>malformed JSON</source>
        <translation>malformed JSON</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON nested too deeply</translation>
    </message>
    <message>
        <source>invalid payload for the packet type</source>
        <translation>invalid payload for the packet type</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>unknown error</translation>
    </message>
</context>
<context>
    <name>mm::QualityDelegate</name>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
</context>
<context>
    <name>mm::RecordCommand</name>
    <message>
        <source>recording %1 (namespace %2, path %3) into %4; %5</source>
        <translation>recording %1 (namespace %2, path %3) into %4; %5</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>no token</translation>
    </message>
    <message>
        <source>with a token</source>
        <translation>with a token</translation>
    </message>
    <message>
        <source>weekly report %1 written: %2</source>
        <translation>weekly report %1 written: %2</translation>
    </message>
    <message>
        <source>weekly report %1 failed (retried in an hour): %2</source>
        <translation>weekly report %1 failed (retried in an hour): %2</translation>
    </message>
    <message>
        <source>weekly reports into %1 (%2%3)</source>
        <translation>weekly reports into %1 (%2%3)</translation>
    </message>
    <message>
        <source>, PDF and CSV</source>
        <translation>, PDF and CSV</translation>
    </message>
    <message>
        <source>, CSV only</source>
        <translation>, CSV only</translation>
    </message>
    <message>
        <source>stopped; %1 samples committed, %2 incidents recorded (%3 fired)</source>
        <translation>stopped; %1 samples committed, %2 incidents recorded (%3 fired)</translation>
    </message>
    <message>
        <source>%1 received: committing and exiting</source>
        <translation>%1 received: committing and exiting</translation>
    </message>
    <message>
        <source>connection: %1</source>
        <translation>connection: %1</translation>
    </message>
    <message>
        <source>disconnected by the server</source>
        <translation>disconnected by the server</translation>
    </message>
    <message>
        <source>the gateway refused the connection: %1</source>
        <translation>the gateway refused the connection: %1</translation>
    </message>
    <message>
        <source>history write failed (recording continues): %1</source>
        <translation>history write failed (recording continues): %1</translation>
    </message>
    <message>
        <source>retention: deleted %1 raw minute blocks and %2 rollup rows</source>
        <translation>retention: deleted %1 raw minute blocks and %2 rollup rows</translation>
    </message>
    <message>
        <source>Record every valid sample from a Meeting Monitor gateway into an SQLite history, without a window. SIGTERM or SIGINT commits what was received and exits 0. The token comes from --token-file, else the MEETING_MONITOR_TOKEN environment variable, else the system keychain (&apos;meeting-monitor token set --gateway URL&apos;).
Exit codes: 0 stopped by a signal, 1 history error, 2 usage error, 3 the gateway refused the connection.</source>
        <translation>Record every valid sample from a Meeting Monitor gateway into an SQLite history, without a window. SIGTERM or SIGINT commits what was received and exits 0. The token comes from --token-file, else the MEETING_MONITOR_TOKEN environment variable, else the system keychain (&apos;meeting-monitor token set --gateway URL&apos;).
Exit codes: 0 stopped by a signal, 1 history error, 2 usage error, 3 the gateway refused the connection.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>Gateway URL (ws://, wss://, http:// or https://).</source>
        <translation>Gateway URL (ws://, wss://, http:// or https://).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Socket.IO namespace.</source>
        <translation>Socket.IO namespace.</translation>
    </message>
    <message>
        <source>NSP</source>
        <translation>NSP</translation>
    </message>
    <message>
        <source>Socket.IO server path.</source>
        <translation>Socket.IO server path.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>PATH</translation>
    </message>
    <message>
        <source>Read the admin token from FILE (a trailing newline is ignored).</source>
        <translation>Read the admin token from FILE (a trailing newline is ignored).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>History database to write (created if needed).</source>
        <translation>History database to write (created if needed).</translation>
    </message>
    <message>
        <source>Keep raw 1 Hz samples for HOURS (default 24; 0 keeps them forever).</source>
        <translation>Keep raw 1 Hz samples for HOURS (default 24; 0 keeps them forever).</translation>
    </message>
    <message>
        <source>HOURS</source>
        <translation>HOURS</translation>
    </message>
    <message>
        <source>Keep per-minute rollups for DAYS (default 90; 0 keeps them forever).</source>
        <translation>Keep per-minute rollups for DAYS (default 90; 0 keeps them forever).</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>DAYS</translation>
    </message>
    <message>
        <source>Alert rules as JSON (the settings form; rules it leaves out keep the plan&apos;s defaults). Incidents are kept in the history.</source>
        <translation>Alert rules as JSON (the settings form; rules it leaves out keep the plan&apos;s defaults). Incidents are kept in the history.</translation>
    </message>
    <message>
        <source>Every Monday shortly after midnight (local time), write last week&apos;s quality report into DIR as meeting-quality-YYYY-Www.pdf and .csv; a week missed while the recorder was down is written at start.</source>
        <translation>Every Monday shortly after midnight (local time), write last week&apos;s quality report into DIR as meeting-quality-YYYY-Www.pdf and .csv; a week missed while the recorder was down is written at start.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (try --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>unexpected argument &apos;%1&apos; (try --help)</translation>
    </message>
    <message>
        <source>--gateway URL is required (try --help)</source>
        <translation>--gateway URL is required (try --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>--db FILE is required (try --help)</translation>
    </message>
    <message>
        <source>--weekly-report-dir needs a directory</source>
        <translation>--weekly-report-dir needs a directory</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of %3 between 0 and %4</source>
        <translation>--%1: &apos;%2&apos; is not a number of %3 between 0 and %4</translation>
    </message>
    <message>
        <source>--gateway: &apos;%1&apos; is not a ws://, wss://, http:// or https:// URL</source>
        <translation>--gateway: &apos;%1&apos; is not a ws://, wss://, http:// or https:// URL</translation>
    </message>
    <message>
        <source>warning: --allow-unencrypted: the token and the data travel unencrypted to %1</source>
        <translation>warning: --allow-unencrypted: the token and the data travel unencrypted to %1</translation>
    </message>
    <message>
        <source>--namespace must start with &apos;/&apos;</source>
        <translation>--namespace must start with &apos;/&apos;</translation>
    </message>
    <message>
        <source>--path must start with &apos;/&apos;</source>
        <translation>--path must start with &apos;/&apos;</translation>
    </message>
    <message>
        <source>--rules: cannot read %1: %2</source>
        <translation>--rules: cannot read %1: %2</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>file too large</translation>
    </message>
    <message>
        <source>warning: cannot watch SIGTERM/SIGINT; they will end the recorder without a final commit</source>
        <translation>warning: cannot watch SIGTERM/SIGINT; they will end the recorder without a final commit</translation>
    </message>
    <message>
        <source>After every committed transaction, log &apos;committed: rows-committed=N newest-sample-ms=T&apos; (samples committed by this run, newest receive time in ms since the epoch): for crash-test harnesses.</source>
        <translation>After every committed transaction, log &apos;committed: rows-committed=N newest-sample-ms=T&apos; (samples committed by this run, newest receive time in ms since the epoch): for crash-test harnesses.</translation>
    </message>
</context>
<context>
    <name>mm::ReportCommand</name>
    <message>
        <source>Write the weekly quality report of a Meeting Monitor history (from its per-minute rollups and alert incidents) as PDF or CSV. Needs no display.
Exit codes: 0 written, 1 history or write error, 2 usage error.</source>
        <translation>Write the weekly quality report of a Meeting Monitor history (from its per-minute rollups and alert incidents) as PDF or CSV. Needs no display.
Exit codes: 0 written, 1 history or write error, 2 usage error.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>History database to read.</source>
        <translation>History database to read.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>ISO week, e.g. 2026-W47 (default: the last completed week).</source>
        <translation>ISO week, e.g. 2026-W47 (default: the last completed week).</translation>
    </message>
    <message>
        <source>IANA time zone of the days and the week, e.g. Asia/Ho_Chi_Minh (default: the system&apos;s).</source>
        <translation>IANA time zone of the days and the week, e.g. Asia/Ho_Chi_Minh (default: the system&apos;s).</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>ZONE</translation>
    </message>
    <message>
        <source>pdf or csv (default: from --out&apos;s suffix).</source>
        <translation>pdf or csv (default: from --out&apos;s suffix).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>FORMAT</translation>
    </message>
    <message>
        <source>Write to FILE (atomically).</source>
        <translation>Write to FILE (atomically).</translation>
    </message>
    <message>
        <source>Gateway name or URL for the report&apos;s header.</source>
        <translation>Gateway name or URL for the report&apos;s header.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (try --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>unexpected argument &apos;%1&apos; (try --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>--db FILE is required (try --help)</translation>
    </message>
    <message>
        <source>--out FILE is required (try --help)</source>
        <translation>--out FILE is required (try --help)</translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not pdf or csv</source>
        <translation>--format: &apos;%1&apos; is not pdf or csv</translation>
    </message>
    <message>
        <source>--tz: unknown time zone &apos;%1&apos; (an IANA name such as Europe/Berlin or Asia/Ho_Chi_Minh)</source>
        <translation>--tz: unknown time zone &apos;%1&apos; (an IANA name such as Europe/Berlin or Asia/Ho_Chi_Minh)</translation>
    </message>
    <message>
        <source>--week: &apos;%1&apos; is not an ISO week like 2026-W47 (weeks 01 to 52, or 53 in a year that has one)</source>
        <translation>--week: &apos;%1&apos; is not an ISO week like 2026-W47 (weeks 01 to 52, or 53 in a year that has one)</translation>
    </message>
    <message>
        <source>PDF output is not available in this program</source>
        <translation>PDF output is not available in this program</translation>
    </message>
    <message>
        <source>cannot build the report: %1</source>
        <translation>cannot build the report: %1</translation>
    </message>
    <message>
        <source>wrote %1 (%2, %3 in %4: %5 meetings%6)</source>
        <translation>wrote %1 (%2, %3 in %4: %5 meetings%6)</translation>
    </message>
    <message>
        <source>, no data</source>
        <translation>, no data</translation>
    </message>
</context>
<context>
    <name>mm::RowClipboard</name>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Copy rows</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Copy the selected rows as tab-separated text</translation>
    </message>
</context>
<context>
    <name>mm::RulesEditorDialog</name>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source> % of users</source>
        <translation> % of users</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Excellent</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Good</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Fair</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Poor</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Alert rules</translation>
    </message>
    <message>
        <source>Custom (current rules)</source>
        <translation>Custom (current rules)</translation>
    </message>
    <message>
        <source>Start from &amp;preset:</source>
        <translation>Start from &amp;preset:</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Rule</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Fires at</source>
        <translation>Fires at</translation>
    </message>
    <message>
        <source>Clears at</source>
        <translation>Clears at</translation>
    </message>
    <message>
        <source>Fires after</source>
        <translation>Fires after</translation>
    </message>
    <message>
        <source>Clears after</source>
        <translation>Clears after</translation>
    </message>
    <message>
        <source>Minimum users</source>
        <translation>Minimum users</translation>
    </message>
    <message>
        <source>Fires at this level or worse</source>
        <translation>Fires at this level or worse</translation>
    </message>
    <message>
        <source>Clears at this level or better</source>
        <translation>Clears at this level or better</translation>
    </message>
    <message>
        <source>Fires above this value</source>
        <translation>Fires above this value</translation>
    </message>
    <message>
        <source>Clears below this value (the gap avoids flapping)</source>
        <translation>Clears below this value (the gap avoids flapping)</translation>
    </message>
    <message>
        <source>no connection, or no data while meetings are active</source>
        <translation>no connection, or no data while meetings are active</translation>
    </message>
    <message>
        <source>At least this many users must be poor</source>
        <translation>At least this many users must be poor</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Rules</translation>
    </message>
    <message>
        <source>A resolved alert that fires again within this time reopens:</source>
        <translation>A resolved alert that fires again within this time reopens:</translation>
    </message>
    <message>
        <source>A user silent this long has left (alerts end):</source>
        <translation>A user silent this long has left (alerts end):</translation>
    </message>
    <message>
        <source>A gateway alert resolves after this long without repeats:</source>
        <translation>A gateway alert resolves after this long without repeats:</translation>
    </message>
    <message>
        <source>No data this long while meetings are active counts as gateway down (0: off):</source>
        <translation>No data this long while meetings are active counts as gateway down (0: off):</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>&amp;Preview on history</source>
        <translation>&amp;Preview on history</translation>
    </message>
    <message>
        <source>How many incidents would these rules have raised? Samples: %1.</source>
        <translation>How many incidents would these rules have raised? Samples: %1.</translation>
    </message>
    <message>
        <source>No history to preview on.</source>
        <translation>No history to preview on.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Cannot save: %1</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>Preview failed: %1</translation>
    </message>
    <message>
        <source>No samples in the history (%1) to preview on.</source>
        <translation>No samples in the history (%1) to preview on.</translation>
    </message>
    <message numerus="yes">
        <source>Over %n sample(s) from %1 to %2 (%3), these rules would have raised:</source>
        <translation>
            <numerusform>Over %n sample from %1 to %2 (%3), these rules would have raised:</numerusform>
            <numerusform>Over %n samples from %1 to %2 (%3), these rules would have raised:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n incident(s)</source>
        <translation>
            <numerusform>  %1: %n incident</numerusform>
            <numerusform>  %1: %n incidents</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n incident(s). Gateway down is not part of the preview.</source>
        <translation>
            <numerusform>Total: %n incident. Gateway down is not part of the preview.</numerusform>
            <numerusform>Total: %n incidents. Gateway down is not part of the preview.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel preview</source>
        <translation>&amp;Cancel preview</translation>
    </message>
    <message>
        <source>Replaying the last 7 days of history through these rules…</source>
        <translation>Replaying the last 7 days of history through these rules…</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>Preview cancelled.</translation>
    </message>
</context>
<context>
    <name>mm::SettingsDialog</name>
    <message>
        <source>(unnamed)</source>
        <translation>(unnamed)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>&amp;Connection profiles</source>
        <translation>&amp;Connection profiles</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;History</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>N&amp;otifications</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Connection profiles</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>A&amp;dd</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Add a profile</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>R&amp;emove</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Remove the selected profile</translation>
    </message>
    <message>
        <source>Allow &amp;unencrypted ws:// to another computer</source>
        <translation>Allow &amp;unencrypted ws:// to another computer</translation>
    </message>
    <message>
        <source>wss://host:port (ws:// only to this computer)</source>
        <translation>wss://host:port (ws:// only to this computer)</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>The system&apos;s certificate authorities</translation>
    </message>
    <message>
        <source>None: the token is kept in the system keychain</source>
        <translation>None: the token is kept in the system keychain</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Choose a CA file</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <source>Choose a token file</source>
        <translation>Choose a token file</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation>&amp;Gateway URL:</translation>
    </message>
    <message>
        <source>Socket.IO &amp;path:</source>
        <translation>Socket.IO &amp;path:</translation>
    </message>
    <message>
        <source>Name&amp;space:</source>
        <translation>Name&amp;space:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>C&amp;A file:</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>&amp;Token file:</translation>
    </message>
    <message>
        <source>Tokens are never stored here: File › Connect asks for one and keeps it in the system keychain.</source>
        <translation>Tokens are never stored here: File › Connect asks for one and keeps it in the system keychain.</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>History database</translation>
    </message>
    <message>
        <source>Choose the history database</source>
        <translation>Choose the history database</translation>
    </message>
    <message>
        <source>Raw samples retention in hours</source>
        <translation>Raw samples retention in hours</translation>
    </message>
    <message>
        <source> h</source>
        <translation> h</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Forever</translation>
    </message>
    <message>
        <source>Per-minute summaries retention in days</source>
        <translation>Per-minute summaries retention in days</translation>
    </message>
    <message>
        <source> days</source>
        <translation> days</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Database:</translation>
    </message>
    <message>
        <source>Keep &amp;raw samples:</source>
        <translation>Keep &amp;raw samples:</translation>
    </message>
    <message>
        <source>Keep per-&amp;minute summaries:</source>
        <translation>Keep per-&amp;minute summaries:</translation>
    </message>
    <message>
        <source>Empty: the application&apos;s data folder. Changes apply the next time Meeting Monitor starts.</source>
        <translation>Empty: the application&apos;s data folder. Changes apply the next time Meeting Monitor starts.</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications for alerts</source>
        <translation>Show &amp;desktop notifications for alerts</translation>
    </message>
    <message>
        <source>Reminder interval in minutes</source>
        <translation>Reminder interval in minutes</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>&amp;Remind of an unacknowledged alert every:</source>
        <translation>&amp;Remind of an unacknowledged alert every:</translation>
    </message>
    <message>
        <source>Without notifications, alerts still show in the Alerts panel, the tray icon and the banner.</source>
        <translation>Without notifications, alerts still show in the Alerts panel, the tray icon and the banner.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>Lan&amp;guage:</translation>
    </message>
    <message>
        <source>Applies the next time Meeting Monitor starts.</source>
        <translation>Applies the next time Meeting Monitor starts.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>New profile</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>New profile %1</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>Choose the gateway&apos;s CA certificate</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Certificates (*.pem *.crt *.cer *.der);;All files (*)</translation>
    </message>
    <message>
        <source>Choose the token file</source>
        <translation>Choose the token file</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>SQLite databases (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>%1: another profile has the same name.</source>
        <translation>%1: another profile has the same name.</translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation>%1 (invalid)</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Profile &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>History database: %1 is a folder; name a file.</source>
        <translation>History database: %1 is a folder; name a file.</translation>
    </message>
    <message>
        <source>History database: the folder %1 does not exist.</source>
        <translation>History database: the folder %1 does not exist.</translation>
    </message>
</context>
<context>
    <name>mm::SocketIoClient</name>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Waiting to reconnect</source>
        <translation>Waiting to reconnect</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>Refused by the gateway</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>binary frame</source>
        <translation>binary frame</translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation>unknown packet type</translation>
    </message>
    <message>
        <source>packet for another namespace</source>
        <translation>packet for another namespace</translation>
    </message>
    <message>
        <source>frame over the size limit</source>
        <translation>frame over the size limit</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>malformed packet</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>unknown reason</translation>
    </message>
    <message>
        <source>The namespace must not contain a comma.</source>
        <translation>The namespace must not contain a comma.</translation>
    </message>
    <message>
        <source>transport closed (code %1)</source>
        <translation>transport closed (code %1)</translation>
    </message>
    <message>
        <source>transport error: %1</source>
        <translation>transport error: %1</translation>
    </message>
    <message>
        <source>the gateway closed the session</source>
        <translation>the gateway closed the session</translation>
    </message>
    <message>
        <source>timed out waiting for the gateway&apos;s handshake</source>
        <translation>timed out waiting for the gateway&apos;s handshake</translation>
    </message>
    <message>
        <source>timed out waiting for the namespace to accept us</source>
        <translation>timed out waiting for the namespace to accept us</translation>
    </message>
    <message>
        <source>ping timeout</source>
        <translation>ping timeout</translation>
    </message>
    <message>
        <source>invalid handshake from the gateway: %1</source>
        <translation>invalid handshake from the gateway: %1</translation>
    </message>
    <message>
        <source>The gateway refused the connection without a reason.</source>
        <translation>The gateway refused the connection without a reason.</translation>
    </message>
    <message>
        <source>The gateway closed the connection right after accepting it (the token was probably refused).</source>
        <translation>The gateway closed the connection right after accepting it (the token was probably refused).</translation>
    </message>
    <message>
        <source>the gateway disconnected us</source>
        <translation>the gateway disconnected us</translation>
    </message>
    <message>
        <source>CA file %1: %2</source>
        <translation>CA file %1: %2</translation>
    </message>
    <message>
        <source>CA file %1: larger than 4 MiB.</source>
        <translation>CA file %1: larger than 4 MiB.</translation>
    </message>
    <message>
        <source>CA file %1: no PEM or DER certificate in it.</source>
        <translation>CA file %1: no PEM or DER certificate in it.</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>TLS handshake failed: %1</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>TLS certificate rejected: %1</translation>
    </message>
    <message>
        <source>unknown certificate error</source>
        <translation>unknown certificate error</translation>
    </message>
</context>
<context>
    <name>mm::TimeWindowBar</name>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 h</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 h</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 d</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Custom</translation>
    </message>
    <message>
        <source>The last five minutes from memory, scrolling</source>
        <translation>The last five minutes from memory, scrolling</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>to</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Reset zoom</translation>
    </message>
    <message>
        <source>Drag across a chart to zoom into that time</source>
        <translation>Drag across a chart to zoom into that time</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Follow live</translation>
    </message>
    <message>
        <source>Stop moving with time</source>
        <translation>Stop moving with time</translation>
    </message>
    <message>
        <source>Move with time again</source>
        <translation>Move with time again</translation>
    </message>
</context>
<context>
    <name>mm::TokenCommand</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Cannot read the token file %1: %2</translation>
    </message>
    <message>
        <source>Cannot use the token file %1: larger than 64 KiB.</source>
        <translation>Cannot use the token file %1: larger than 64 KiB.</translation>
    </message>
    <message>
        <source>The token file %1 is empty.</source>
        <translation>The token file %1 is empty.</translation>
    </message>
    <message>
        <source>Keep the gateway&apos;s admin token in the system keychain.
  token set --gateway URL    read the token from the first line of standard input and store it
  token clear --gateway URL  remove the stored token
Exit codes: 0 done, 1 keychain error, 2 usage error.</source>
        <translation>Keep the gateway&apos;s admin token in the system keychain.
  token set --gateway URL    read the token from the first line of standard input and store it
  token clear --gateway URL  remove the stored token
Exit codes: 0 done, 1 keychain error, 2 usage error.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Show this help.</translation>
    </message>
    <message>
        <source>The gateway URL the token is for.</source>
        <translation>The gateway URL the token is for.</translation>
    </message>
    <message>
        <source>set or clear</source>
        <translation>set or clear</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (try --help)</translation>
    </message>
    <message>
        <source>Expected &apos;token set --gateway URL&apos; or &apos;token clear --gateway URL&apos; (try --help).</source>
        <translation>Expected &apos;token set --gateway URL&apos; or &apos;token clear --gateway URL&apos; (try --help).</translation>
    </message>
    <message>
        <source>--gateway URL is required (try --help).</source>
        <translation>--gateway URL is required (try --help).</translation>
    </message>
    <message>
        <source>--gateway &apos;%1&apos;: %2</source>
        <translation>--gateway &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>No token was stored for %1.</source>
        <translation>No token was stored for %1.</translation>
    </message>
    <message>
        <source>Cannot remove the token for %1: %2</source>
        <translation>Cannot remove the token for %1: %2</translation>
    </message>
    <message>
        <source>The token for %1 was removed from the keychain.</source>
        <translation>The token for %1 was removed from the keychain.</translation>
    </message>
    <message>
        <source>The token on standard input is longer than 64 KiB.</source>
        <translation>The token on standard input is longer than 64 KiB.</translation>
    </message>
    <message>
        <source>No token on standard input: pass it as the first line.</source>
        <translation>No token on standard input: pass it as the first line.</translation>
    </message>
    <message>
        <source>The token on standard input contains control characters.</source>
        <translation>The token on standard input contains control characters.</translation>
    </message>
    <message>
        <source>The token for %1 is stored in the keychain.</source>
        <translation>The token for %1 is stored in the keychain.</translation>
    </message>
    <message>
        <source>The token for %1 is kept in memory only.</source>
        <translation>The token for %1 is kept in memory only.</translation>
    </message>
    <message>
        <source>No keychain available: the token was not stored. The recorder can take it from --token-file or MEETING_MONITOR_TOKEN.</source>
        <translation>No keychain available: the token was not stored. The recorder can take it from --token-file or MEETING_MONITOR_TOKEN.</translation>
    </message>
    <message>
        <source>Cannot store the token for %1: %2</source>
        <translation>Cannot store the token for %1: %2</translation>
    </message>
    <message>
        <source>token from the file %1</source>
        <translation>token from the file %1</translation>
    </message>
    <message>
        <source>token from MEETING_MONITOR_TOKEN</source>
        <translation>token from MEETING_MONITOR_TOKEN</translation>
    </message>
    <message>
        <source>no token: the gateway URL has no host</source>
        <translation>no token: the gateway URL has no host</translation>
    </message>
    <message>
        <source>token from the keychain for %1</source>
        <translation>token from the keychain for %1</translation>
    </message>
    <message>
        <source>no token in the keychain for %1; connecting without one</source>
        <translation>no token in the keychain for %1; connecting without one</translation>
    </message>
    <message>
        <source>no keychain available; connecting without a token (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation>no keychain available; connecting without a token (use --token-file or MEETING_MONITOR_TOKEN)</translation>
    </message>
    <message>
        <source>cannot read the token for %1 from the keychain: %2 (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation>cannot read the token for %1 from the keychain: %2 (use --token-file or MEETING_MONITOR_TOKEN)</translation>
    </message>
    <message>
        <source>Token for %1 (not shown): </source>
        <translation>Token for %1 (not shown): </translation>
    </message>
</context>
<context>
    <name>mm::TokenStore</name>
    <message>
        <source>The keyring is locked: unlock it (for example by logging in to the desktop session) and try again. The token was not changed.</source>
        <translation>The keyring is locked: unlock it (for example by logging in to the desktop session) and try again. The token was not changed.</translation>
    </message>
    <message>
        <source>No token is stored for %1.</source>
        <translation>No token is stored for %1.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>The keychain refused access: %1</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Access to the keychain was denied.</translation>
    </message>
    <message>
        <source>No token is kept for %1 in this session.</source>
        <translation>No token is kept for %1 in this session.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>not found</translation>
    </message>
    <message>
        <source>keyring locked</source>
        <translation>keyring locked</translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation>no keychain available</translation>
    </message>
    <message>
        <source>keychain timed out</source>
        <translation>keychain timed out</translation>
    </message>
    <message>
        <source>keychain error</source>
        <translation>keychain error</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s.</source>
        <translation>The keychain did not answer within %1 s.</translation>
    </message>
    <message>
        <source>No keychain available: the token will be kept in memory for this session only.</source>
        <translation>No keychain available: the token will be kept in memory for this session only.</translation>
    </message>
</context>
<context>
    <name>mm::TrayIcon</name>
    <message>
        <source>Hide window</source>
        <translation>Hide window</translation>
    </message>
    <message>
        <source>Mute notifications for 1 hour</source>
        <translation>Mute notifications for 1 hour</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation>Meeting Monitor</translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>No active alerts</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 firing</source>
        <translation>
            <numerusform>%n active alert, %1 firing</numerusform>
            <numerusform>%n active alerts, %1 firing</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications muted</source>
        <translation>Notifications muted</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Show window</translation>
    </message>
</context>
<context>
    <name>mm::TreeItemDelegate</name>
    <message>
        <source>%1
User id: %2
Meeting id: %3</source>
        <translation>%1
User id: %2
Meeting id: %3</translation>
    </message>
    <message>
        <source>%1
Meeting id: %2</source>
        <translation>%1
Meeting id: %2</translation>
    </message>
</context>
<context>
    <name>mm::UserChartView</name>
    <message>
        <source>Bandwidth (kbps)</source>
        <translation>Bandwidth (kbps)</translation>
    </message>
    <message>
        <source>Latency and jitter (ms)</source>
        <translation>Latency and jitter (ms)</translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation>Packet loss (%)</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Inactive</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Quality</translation>
    </message>
    <message>
        <source>Select a user to see their history.</source>
        <translation>Select a user to see their history.</translation>
    </message>
    <message>
        <source>User %1 in meeting %2</source>
        <translation>User %1 in meeting %2</translation>
    </message>
    <message>
        <source>%1 — user %2 in meeting %3</source>
        <translation>%1 — user %2 in meeting %3</translation>
    </message>
    <message>
        <source>per-minute rollups: lines show min and max</source>
        <translation>per-minute rollups: lines show min and max</translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation>raw 1 s samples</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>No data in this window.</translation>
    </message>
    <message>
        <source>No data (inactive)</source>
        <translation>No data (inactive)</translation>
    </message>
    <message>
        <source>%1 (one-minute rollup)</source>
        <translation>%1 (one-minute rollup)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (mean; min %1, max %2)</source>
        <translation> (mean; min %1, max %2)</translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation>Quality: %1</translation>
    </message>
</context>
<context>
    <name>mm::WeeklyReportPdf</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 pp</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Quality and latency by day</source>
        <translation>Quality and latency by day</translation>
    </message>
    <message>
        <source>Meetings with the most poor time</source>
        <translation>Meetings with the most poor time</translation>
    </message>
    <message>
        <source>Users with the most poor time</source>
        <translation>Users with the most poor time</translation>
    </message>
    <message>
        <source>Alert incidents</source>
        <translation>Alert incidents</translation>
    </message>
    <message>
        <source>Meeting quality report</source>
        <translation>Meeting quality report</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Week %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>not recorded</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Period: %1 to %2</translation>
    </message>
    <message>
        <source>Time zone: %1 (UTC%2 at the start of the week)</source>
        <translation>Time zone: %1 (UTC%2 at the start of the week)</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>Generated: %1</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>No data: nothing was recorded in this week.</source>
        <translation>No data: nothing was recorded in this week.</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <translation>Meetings held</translation>
    </message>
    <message>
        <source>Distinct users</source>
        <translation>Distinct users</translation>
    </message>
    <message>
        <source>Participant-hours</source>
        <translation>Participant-hours</translation>
    </message>
    <message>
        <source>Time with unknown quality</source>
        <translation>Time with unknown quality</translation>
    </message>
    <message>
        <source>Time at %1 quality</source>
        <translation>Time at %1 quality</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Latency p50</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Latency p95</translation>
    </message>
    <message>
        <source>Mean packet loss</source>
        <translation>Mean packet loss</translation>
    </message>
    <message>
        <source>Warning incidents</source>
        <translation>Warning incidents</translation>
    </message>
    <message>
        <source>Critical incidents</source>
        <translation>Critical incidents</translation>
    </message>
    <message>
        <source>Time with a critical alert firing</source>
        <translation>Time with a critical alert firing</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Figure</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>This week</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Previous week</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Shares are of participant-time (one participant for one second counts one second); time with unknown quality is in the total. Latency percentiles come from per-minute histograms (within 4 %). Incidents are counted in the week they fired.</source>
        <translation>Shares are of participant-time (one participant for one second counts one second); time with unknown quality is in the total. Latency percentiles come from per-minute histograms (within 4 %). Incidents are counted in the week they fired.</translation>
    </message>
    <message>
        <source>Share of participant-time by quality (%)</source>
        <translation>Share of participant-time by quality (%)</translation>
    </message>
    <message>
        <source>Latency p95 by day (ms)</source>
        <translation>Latency p95 by day (ms)</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>p95 latency</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>No meeting had poor time this week.</source>
        <translation>No meeting had poor time this week.</translation>
    </message>
    <message>
        <source>No user had poor time this week.</source>
        <translation>No user had poor time this week.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(no name)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Meeting (name, id)</source>
        <translation>Meeting (name, id)</translation>
    </message>
    <message>
        <source>User (name, id)</source>
        <translation>User (name, id)</translation>
    </message>
    <message>
        <source>Poor time</source>
        <translation>Poor time</translation>
    </message>
    <message>
        <source>Mean loss</source>
        <translation>Mean loss</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Incidents</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Hours</translation>
    </message>
    <message numerus="yes">
        <source>Ranked by share of poor time among those with at least %n minute(s) of participant-time and some poor time. Hours are participant-hours.</source>
        <translation>
            <numerusform>Ranked by share of poor time among those with at least %n minute of participant-time and some poor time. Hours are participant-hours.</numerusform>
            <numerusform>Ranked by share of poor time among those with at least %n minutes of participant-time and some poor time. Hours are participant-hours.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time with a critical alert firing: %1 (previous week: %2)</source>
        <translation>Time with a critical alert firing: %1 (previous week: %2)</translation>
    </message>
    <message>
        <source>No alert fired in this week or the previous one.</source>
        <translation>No alert fired in this week or the previous one.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>Warning, prev.</source>
        <translation>Warning, prev.</translation>
    </message>
    <message>
        <source>Critical, prev.</source>
        <translation>Critical, prev.</translation>
    </message>
    <message>
        <source>Meeting quality report %1</source>
        <translation>Meeting quality report %1</translation>
    </message>
    <message>
        <source>Meeting quality report %1 · page %2 of %3</source>
        <translation>Meeting quality report %1 · page %2 of %3</translation>
    </message>
</context>
<context>
    <name>mm::ZoomableChartView</name>
    <message>
        <source>Save chart as…</source>
        <translation>Save chart as…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image or a PDF (vector) file</source>
        <translation>Save this chart as a PNG image or a PDF (vector) file</translation>
    </message>
    <message>
        <source>The chart has no size.</source>
        <translation>The chart has no size.</translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>Cannot start the PDF.</translation>
    </message>
    <message>
        <source>Cannot encode the image.</source>
        <translation>Cannot encode the image.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG image (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF document (*.pdf)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Save chart as</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>chart.png</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Save chart</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1:
%2</source>
        <translation>The chart could not be saved to %1:
%2</translation>
    </message>
</context>
</TS>

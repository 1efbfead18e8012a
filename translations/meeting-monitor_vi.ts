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
        <source>TLS error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown</source>
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
</TS>

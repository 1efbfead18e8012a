<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>Main</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Không thể đọc tệp token %1: %2</translation>
    </message>
    <message>
        <source>The token file %1 is too large to hold a token.</source>
        <translation>Tệp token %1 quá lớn để chứa một token.</translation>
    </message>
    <message>
        <source>Live connection quality of the meetings on a P2P meeting platform.

Without a window: meeting-monitor record --help, meeting-monitor export --help</source>
        <translation>Chất lượng kết nối trực tiếp của các cuộc họp trên nền tảng họp P2P.

Không cần cửa sổ: meeting-monitor record --help, meeting-monitor export --help</translation>
    </message>
    <message>
        <source>Start the built-in simulated gateway and watch it.</source>
        <translation>Khởi động gateway mô phỏng tích hợp sẵn và theo dõi nó.</translation>
    </message>
    <message>
        <source>Connect to the gateway at URL (ws:// or wss://).</source>
        <translation>Kết nối tới gateway tại URL (ws:// hoặc wss://).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Socket.IO namespace of the metrics.</source>
        <translation>Namespace Socket.IO của số liệu.</translation>
    </message>
    <message>
        <source>NS</source>
        <translation>NS</translation>
    </message>
    <message>
        <source>Socket.IO path on the gateway.</source>
        <translation>Đường dẫn Socket.IO trên gateway.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>Read the admin token from FILE (default: the MEETING_MONITOR_TOKEN environment variable).</source>
        <translation>Đọc token quản trị từ TỆP (mặc định: biến môi trường MEETING_MONITOR_TOKEN).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Save a picture of the main window to FILE.png, print its path and quit.</source>
        <translation>Lưu ảnh cửa sổ chính vào TỆP.png, in đường dẫn của ảnh rồi thoát.</translation>
    </message>
    <message>
        <source>FILE.png</source>
        <translation>TỆP.png</translation>
    </message>
    <message>
        <source>SECONDS</source>
        <translation>SỐ_GIÂY</translation>
    </message>
    <message>
        <source>Unexpected arguments.</source>
        <translation>Đối số không mong đợi.</translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation>Meeting Monitor</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Đối số không mong đợi: %1</translation>
    </message>
    <message>
        <source>--screenshot-after takes a number of seconds from 0 to 3600.</source>
        <translation>--screenshot-after nhận số giây từ 0 đến 3600.</translation>
    </message>
    <message>
        <source>Cannot start the demo gateway: %1</source>
        <translation>Không thể khởi động gateway demo: %1</translation>
    </message>
    <message>
        <source>Cannot save the screenshot to %1.</source>
        <translation>Không thể lưu ảnh chụp màn hình vào %1.</translation>
    </message>
    <message>
        <source>On exit, print the counters of this run (received, rejected by reason, GUI lag, CPU, memory) as one JSON line starting with &quot;stats &quot;.</source>
        <translation>Khi thoát, in các bộ đếm của lần chạy này (đã nhận, bị từ chối theo lý do, độ trễ GUI, CPU, bộ nhớ) thành một dòng JSON bắt đầu bằng &quot;stats &quot;.</translation>
    </message>
    <message>
        <source>Quit after SECONDS (for benchmarks and checks).</source>
        <translation>Thoát sau SỐ_GIÂY (dùng cho đo hiệu năng và kiểm tra).</translation>
    </message>
    <message>
        <source>Read the history from FILE (e.g. one a recorder is writing) and record nothing. Without it the application records into its own history.</source>
        <translation>Đọc lịch sử từ TỆP (ví dụ tệp mà một bộ ghi đang ghi) và không ghi gì. Nếu không có tùy chọn này, ứng dụng ghi vào lịch sử riêng của nó.</translation>
    </message>
    <message>
        <source>Show the charts of MEETING, or of one of its users with MEETING/USER (from the history if it is not live).</source>
        <translation>Hiển thị biểu đồ của CUỘC_HỌP, hoặc của một người dùng trong đó với CUỘC_HỌP/NGƯỜI_DÙNG (lấy từ lịch sử nếu không trực tiếp).</translation>
    </message>
    <message>
        <source>MEETING[/USER]</source>
        <translation>CUỘC_HỌP[/NGƯỜI_DÙNG]</translation>
    </message>
    <message>
        <source>The charts&apos; time window: live, 1h, 24h or 7d.</source>
        <translation>Khoảng thời gian của biểu đồ: live, 1h, 24h hoặc 7d.</translation>
    </message>
    <message>
        <source>WINDOW</source>
        <translation>KHOẢNG</translation>
    </message>
    <message>
        <source>--quit-after takes a number of seconds from 0 to 604800.</source>
        <translation>--quit-after nhận số giây từ 0 đến 604800.</translation>
    </message>
    <message>
        <source>--window takes live, 1h, 24h or 7d.</source>
        <translation>--window nhận live, 1h, 24h hoặc 7d.</translation>
    </message>
    <message>
        <source>--select takes MEETING or MEETING/USER.</source>
        <translation>--select nhận CUỘC_HỌP hoặc CUỘC_HỌP/NGƯỜI_DÙNG.</translation>
    </message>
    <message>
        <source>Cannot record the history into %1: %2</source>
        <translation>Không thể ghi lịch sử vào %1: %2</translation>
    </message>
    <message>
        <source>Connect with the saved connection profile NAME (Edit › Settings).</source>
        <translation>Kết nối bằng hồ sơ kết nối đã lưu có tên TÊN (Chỉnh sửa › Cài đặt).</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source>Use the light or dark palette.</source>
        <translation>Dùng bảng màu sáng hoặc tối.</translation>
    </message>
    <message>
        <source>light|dark</source>
        <translation>light|dark</translation>
    </message>
    <message>
        <source>Use only one of --demo, --gateway and --profile.</source>
        <translation>Chỉ dùng một trong các tùy chọn --demo, --gateway và --profile.</translation>
    </message>
    <message>
        <source>--palette takes light or dark.</source>
        <translation>--palette nhận light hoặc dark.</translation>
    </message>
    <message>
        <source>No usable connection profile is called &quot;%1&quot;.</source>
        <translation>Không có hồ sơ kết nối dùng được nào tên &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Seconds to wait before taking the screenshot (then up to 30 more while the chart&apos;s history is still being read).</source>
        <translation>Số giây chờ trước khi chụp ảnh màn hình (sau đó chờ thêm tối đa 30 giây nếu lịch sử của biểu đồ vẫn đang được đọc).</translation>
    </message>
    <message>
        <source>Also print the --print-stats line every SECONDS while running, with the GUI lag since the previous line (for soak and burst harnesses).</source>
        <translation>In thêm dòng --print-stats mỗi SECONDS giây trong khi chạy, kèm độ trễ giao diện kể từ dòng trước (dành cho các bộ kiểm thử chạy dài và tải đột biến).</translation>
    </message>
    <message>
        <source>--stats-every takes a number of seconds from 0.1 to 3600.</source>
        <translation>--stats-every nhận số giây từ 0.1 đến 3600.</translation>
    </message>
    <message>
        <source>The history was still being read when the screenshot was taken.</source>
        <translation>Lịch sử vẫn đang được đọc khi chụp ảnh màn hình.</translation>
    </message>
</context>
<context>
    <name>mm::AlertBanner</name>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Bỏ qua</translation>
    </message>
</context>
<context>
    <name>mm::AlertCoordinator</name>
    <message>
        <source>Alerts</source>
        <translation>Cảnh báo</translation>
    </message>
    <message numerus="yes">
        <source>the live view&apos;s last %n minute(s)</source>
        <translation>
            <numerusform>%n phút gần nhất của chế độ xem trực tiếp</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Alerts panel</source>
        <translation>&amp;Bảng cảnh báo</translation>
    </message>
    <message>
        <source>Show or hide the alerts panel (Ctrl+Shift+L)</source>
        <translation>Hiện hoặc ẩn bảng cảnh báo (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <source>&amp;Rules…</source>
        <translation>&amp;Quy tắc…</translation>
    </message>
    <message>
        <source>&amp;Mute notifications for 1 hour</source>
        <translation>Tắt thông báo trong 1 &amp;giờ</translation>
    </message>
    <message>
        <source>&amp;Alerts</source>
        <translation>&amp;Cảnh báo</translation>
    </message>
    <message>
        <source>Meeting Monitor is still running</source>
        <translation>Meeting Monitor vẫn đang chạy</translation>
    </message>
    <message>
        <source>It keeps watching the meetings and will notify you of alerts. Use the tray icon to open the window again, or its Quit to stop.</source>
        <translation>Ứng dụng tiếp tục theo dõi các cuộc họp và sẽ thông báo cho bạn khi có cảnh báo. Dùng biểu tượng khay hệ thống để mở lại cửa sổ, hoặc mục Thoát của nó để dừng.</translation>
    </message>
    <message numerus="yes">
        <source>Alerts (%n firing)</source>
        <translation>
            <numerusform>Cảnh báo (%n đang kích hoạt)</numerusform>
        </translation>
    </message>
    <message>
        <source>the history database</source>
        <translation>cơ sở dữ liệu lịch sử</translation>
    </message>
    <message>
        <source>Every minute was judged from raw 1 Hz samples.</source>
        <translation>Mọi phút đều được đánh giá từ mẫu thô 1 Hz.</translation>
    </message>
    <message>
        <source>%1 user-minute(s) were judged from raw 1 Hz samples and %2 older one(s) from per-minute rollups, replayed at each minute&apos;s mean value and the level it held longest: a breach shorter than about a minute may not count there.</source>
        <translation>%1 phút-người dùng được đánh giá từ mẫu thô 1 Hz và %2 phút cũ hơn từ dữ liệu tổng hợp theo phút, được phát lại theo giá trị trung bình của từng phút và mức duy trì lâu nhất trong phút đó: vượt ngưỡng ngắn hơn khoảng một phút có thể không được tính ở đó.</translation>
    </message>
</context>
<context>
    <name>mm::AlertEngine</name>
    <message>
        <source>Latency %1 ms, above %2 ms</source>
        <translation>Độ trễ %1 ms, vượt %2 ms</translation>
    </message>
    <message>
        <source>Packet loss %1 %, above %2 %</source>
        <translation>Mất gói %1 %, vượt %2 %</translation>
    </message>
    <message>
        <source>Jitter %1 ms, above %2 ms</source>
        <translation>Jitter %1 ms, vượt %2 ms</translation>
    </message>
    <message>
        <source>Connection quality is %1</source>
        <translation>Chất lượng kết nối: %1</translation>
    </message>
    <message>
        <source>%1 % of the meeting&apos;s users have a poor connection</source>
        <translation>%1 % người dùng của cuộc họp có kết nối kém</translation>
    </message>
    <message>
        <source>No message from the gateway for %1 s while meetings were active</source>
        <translation>Không có tin nhắn nào từ gateway trong %1 giây khi đang có cuộc họp hoạt động</translation>
    </message>
    <message>
        <source>No connection to the gateway</source>
        <translation>Không có kết nối tới gateway</translation>
    </message>
</context>
<context>
    <name>mm::AlertListModel</name>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Bắt đầu</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Thời lượng</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Đỉnh</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Thông báo</translation>
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
        <translation>%1 % người dùng</translation>
    </message>
</context>
<context>
    <name>mm::AlertPreview</name>
    <message>
        <source>There is no history to replay.</source>
        <translation>Không có lịch sử để phát lại.</translation>
    </message>
    <message>
        <source>The history could not be read.</source>
        <translation>Không thể đọc lịch sử.</translation>
    </message>
    <message>
        <source>The preview was cancelled.</source>
        <translation>Đã hủy xem trước.</translation>
    </message>
</context>
<context>
    <name>mm::AlertRules</name>
    <message>
        <source>High latency</source>
        <translation>Độ trễ cao</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Mất gói</translation>
    </message>
    <message>
        <source>High jitter</source>
        <translation>Jitter cao</translation>
    </message>
    <message>
        <source>Poor connection</source>
        <translation>Kết nối kém</translation>
    </message>
    <message>
        <source>Meeting degraded</source>
        <translation>Cuộc họp suy giảm</translation>
    </message>
    <message>
        <source>Gateway down</source>
        <translation>Mất gateway</translation>
    </message>
    <message>
        <source>Gateway alert</source>
        <translation>Cảnh báo từ gateway</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Khẩn cấp</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Plan thresholds (default)</source>
        <translation>Ngưỡng theo kế hoạch (mặc định)</translation>
    </message>
    <message>
        <source>Teams call-quality</source>
        <translation>Chất lượng cuộc gọi Teams</translation>
    </message>
    <message>
        <source>ITU-T G.114</source>
        <translation>ITU-T G.114</translation>
    </message>
    <message>
        <source>a time setting is outside 0 s to 24 h</source>
        <translation>một thiết lập thời gian nằm ngoài khoảng 0 giây đến 24 giờ</translation>
    </message>
    <message>
        <source>a user must be silent for at least 1 s to count as gone</source>
        <translation>người dùng phải im lặng ít nhất 1 giây mới được coi là đã rời đi</translation>
    </message>
    <message>
        <source>gateway alerts must be silent for at least 1 s to resolve</source>
        <translation>cảnh báo gateway phải im lặng ít nhất 1 giây mới được coi là đã xử lý</translation>
    </message>
    <message>
        <source>%1: hold and clear times must lie between 0 s and 24 h</source>
        <translation>%1: thời gian giữ và thời gian xóa phải nằm trong khoảng 0 giây đến 24 giờ</translation>
    </message>
    <message>
        <source>%1: thresholds must be numbers</source>
        <translation>%1: ngưỡng phải là số</translation>
    </message>
    <message>
        <source>%1: thresholds must lie between 0 and %2</source>
        <translation>%1: ngưỡng phải nằm trong khoảng 0 đến %2</translation>
    </message>
    <message>
        <source>%1: the clear level must not be above the fire level</source>
        <translation>%1: mức xóa không được cao hơn mức kích hoạt</translation>
    </message>
    <message>
        <source>%1: needs a clear level above 0 and at least 1 user</source>
        <translation>%1: cần mức xóa lớn hơn 0 và ít nhất 1 người dùng</translation>
    </message>
    <message>
        <source>%1: the clear level must be better than the fire level</source>
        <translation>%1: mức xóa phải tốt hơn mức kích hoạt</translation>
    </message>
    <message>
        <source>unknown key &quot;%1&quot;</source>
        <translation>khóa không xác định &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a number</source>
        <translation>&quot;%1&quot; phải là một số</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must lie between 0 and 86400 seconds</source>
        <translation>&quot;%1&quot; phải nằm trong khoảng 0 đến 86400 giây</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number</source>
        <translation>&quot;%1&quot; phải là số nguyên</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false</source>
        <translation>&quot;%1&quot; phải là true hoặc false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be &quot;warning&quot; or &quot;critical&quot;</source>
        <translation>&quot;%1&quot; phải là &quot;warning&quot; hoặc &quot;critical&quot;</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a quality level</source>
        <translation>&quot;%1&quot; phải là một mức chất lượng</translation>
    </message>
    <message>
        <source>not valid JSON: %1</source>
        <translation>JSON không hợp lệ: %1</translation>
    </message>
    <message>
        <source>the alert rules must be a JSON object</source>
        <translation>quy tắc cảnh báo phải là một đối tượng JSON</translation>
    </message>
    <message>
        <source>unsupported version</source>
        <translation>phiên bản không được hỗ trợ</translation>
    </message>
    <message>
        <source>&quot;preset&quot; must be a string</source>
        <translation>&quot;preset&quot; phải là một chuỗi</translation>
    </message>
    <message>
        <source>&quot;rules&quot; must be an object</source>
        <translation>&quot;rules&quot; phải là một đối tượng</translation>
    </message>
    <message>
        <source>unknown rule type &quot;%1&quot;</source>
        <translation>loại quy tắc không xác định &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1: a rule must be an object</source>
        <translation>%1: quy tắc phải là một đối tượng</translation>
    </message>
</context>
<context>
    <name>mm::AlertsPanel</name>
    <message>
        <source>15 minutes</source>
        <translation>15 phút</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 giờ</translation>
    </message>
    <message>
        <source>4 hours</source>
        <translation>4 giờ</translation>
    </message>
    <message>
        <source>24 hours</source>
        <translation>24 giờ</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>&amp;Xác nhận</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>Mọi mức độ</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Đang hoạt động</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Kích hoạt</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Đã đóng</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts: no more reminders (Ctrl+Shift+A)</source>
        <translation>Xác nhận các cảnh báo đã chọn: không nhắc lại nữa (Ctrl+Shift+A)</translation>
    </message>
    <message>
        <source>Acknowledge (%1)</source>
        <translation>Xác nhận (%1)</translation>
    </message>
    <message>
        <source>Select an alert to see its timeline.</source>
        <translation>Chọn một cảnh báo để xem dòng thời gian của nó.</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Tạm tắt</translation>
    </message>
    <message>
        <source>Stop notifications about the selected alert&apos;s user, meeting or type for a while</source>
        <translation>Tạm dừng thông báo về người dùng, cuộc họp hoặc loại của cảnh báo đã chọn trong một thời gian</translation>
    </message>
    <message>
        <source>This &amp;user</source>
        <translation>&amp;Người dùng này</translation>
    </message>
    <message>
        <source>This &amp;meeting</source>
        <translation>&amp;Cuộc họp này</translation>
    </message>
    <message>
        <source>This &amp;type of alert</source>
        <translation>&amp;Loại cảnh báo này</translation>
    </message>
    <message>
        <source>desktop user</source>
        <translation>người dùng máy tính</translation>
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
        <translation>Cuộc họp: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Nguồn: %1</translation>
    </message>
    <message>
        <source>%1  pending (condition first seen)</source>
        <translation>%1  đang chờ (điều kiện xuất hiện lần đầu)</translation>
    </message>
    <message>
        <source>%1  fired</source>
        <translation>%1  đã kích hoạt</translation>
    </message>
    <message numerus="yes">
        <source>Reopened %n time(s) within the reopen window</source>
        <translation>
            <numerusform>Đã mở lại %n lần trong khoảng thời gian mở lại</numerusform>
        </translation>
    </message>
    <message>
        <source>%1  acknowledged by %2</source>
        <translation>%1  được %2 xác nhận</translation>
    </message>
    <message>
        <source>%1  acknowledged by %2: %3</source>
        <translation>%1  được %2 xác nhận: %3</translation>
    </message>
    <message>
        <source>%1  resolved</source>
        <translation>%1  đã xử lý</translation>
    </message>
    <message>
        <source>%1  ended (the user or meeting went away)</source>
        <translation>%1  đã kết thúc (người dùng hoặc cuộc họp đã rời đi)</translation>
    </message>
    <message>
        <source>%1  cancelled before firing</source>
        <translation>%1  đã hủy trước khi kích hoạt</translation>
    </message>
    <message>
        <source>Firing for %1</source>
        <translation>Thời gian kích hoạt: %1</translation>
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
        <translation>%1 % người dùng</translation>
    </message>
    <message>
        <source>Peak: %1</source>
        <translation>Đỉnh: %1</translation>
    </message>
    <message>
        <source>Silenced: no notifications</source>
        <translation>Đã tạm tắt: không có thông báo</translation>
    </message>
    <message>
        <source>Message: %1</source>
        <translation>Thông báo: %1</translation>
    </message>
</context>
<context>
    <name>mm::AppSettings</name>
    <message>
        <source>Profile #%1</source>
        <translation>Hồ sơ #%1</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;</source>
        <translation>Hồ sơ &quot;%1&quot;</translation>
    </message>
    <message>
        <source>%1 was skipped: %2</source>
        <translation>Đã bỏ qua %1: %2</translation>
    </message>
    <message>
        <source>%1 was skipped: another profile has the same name.</source>
        <translation>Đã bỏ qua %1: một hồ sơ khác có cùng tên.</translation>
    </message>
    <message>
        <source>Only the first %1 of %2 profiles were read.</source>
        <translation>Chỉ đọc %1 hồ sơ đầu tiên trong số %2.</translation>
    </message>
    <message>
        <source>The settings file %1 cannot be written.</source>
        <translation>Không thể ghi tệp cài đặt %1.</translation>
    </message>
    <message>
        <source>The settings file %1 is malformed.</source>
        <translation>Tệp cài đặt %1 bị lỗi định dạng.</translation>
    </message>
</context>
<context>
    <name>mm::ChartStyle</name>
    <message>
        <source>Upload</source>
        <translation>Tải lên</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Tải xuống</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Độ trễ</translation>
    </message>
    <message>
        <source>Jitter</source>
        <translation>Jitter</translation>
    </message>
    <message>
        <source>Packet loss</source>
        <translation>Mất gói</translation>
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
        <translation>Rất tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
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
        <translation>Kết nối tới gateway</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Kết nối</translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation>URL &amp;gateway:</translation>
    </message>
    <message>
        <source>&amp;Namespace:</source>
        <translation>&amp;Namespace:</translation>
    </message>
    <message>
        <source>&amp;Path:</source>
        <translation>Đường &amp;dẫn:</translation>
    </message>
    <message>
        <source>&amp;Token:</source>
        <translation>&amp;Token:</translation>
    </message>
    <message>
        <source>Enter the gateway&apos;s address.</source>
        <translation>Nhập địa chỉ của gateway.</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;yệt…</translation>
    </message>
    <message>
        <source>Allow &amp;unencrypted ws:// to another computer</source>
        <translation>Cho phép ws:// &amp;không mã hóa tới máy tính khác</translation>
    </message>
    <message>
        <source>&amp;Remember the token in the system keychain</source>
        <translation>&amp;Lưu token trong kho khóa của hệ thống</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL gateway</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>Socket.IO path</source>
        <translation>Đường dẫn Socket.IO</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Tệp CA</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Chọn tệp CA</translation>
    </message>
    <message>
        <source>Admin token</source>
        <translation>Token quản trị</translation>
    </message>
    <message>
        <source>wss://host:port (ws:// only to this computer)</source>
        <translation>wss://máy:cổng (ws:// chỉ tới chính máy tính này)</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>Các tổ chức cấp chứng chỉ (CA) của hệ thống</translation>
    </message>
    <message>
        <source>Leave empty to use the stored token</source>
        <translation>Để trống để dùng token đã lưu</translation>
    </message>
    <message>
        <source>&amp;CA file:</source>
        <translation>Tệp &amp;CA:</translation>
    </message>
    <message>
        <source>Connect to %1</source>
        <translation>Kết nối tới %1</translation>
    </message>
    <message>
        <source>This profile reads its token from a file; a token typed here is used instead, for this connection.</source>
        <translation>Hồ sơ này đọc token từ một tệp; token nhập ở đây sẽ được dùng thay thế cho lần kết nối này.</translation>
    </message>
    <message>
        <source>No system keychain (Secret Service) is available: the token is kept in memory for this run only and asked for again next time.</source>
        <translation>Không có kho khóa của hệ thống (Secret Service): token chỉ được giữ trong bộ nhớ cho lần chạy này và sẽ được hỏi lại vào lần sau.</translation>
    </message>
    <message>
        <source>The token is kept in memory for this run only.</source>
        <translation>Token chỉ được giữ trong bộ nhớ cho lần chạy này.</translation>
    </message>
    <message>
        <source>Everything sent, the token included, can be read on the way.</source>
        <translation>Mọi dữ liệu gửi đi, kể cả token, đều có thể bị đọc trên đường truyền.</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>Chọn chứng chỉ CA của gateway</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Chứng chỉ (*.pem *.crt *.cer *.der);;Tất cả tệp (*)</translation>
    </message>
</context>
<context>
    <name>mm::ConnectionProfile</name>
    <message>
        <source>%1: must not be empty.</source>
        <translation>%1: không được để trống.</translation>
    </message>
    <message>
        <source>%1: must start with &apos;/&apos;.</source>
        <translation>%1: phải bắt đầu bằng &apos;/&apos;.</translation>
    </message>
    <message>
        <source>%1: longer than %2 characters.</source>
        <translation>%1: dài hơn %2 ký tự.</translation>
    </message>
    <message>
        <source>%1: must not contain spaces, control characters, &apos;?&apos;, &apos;#&apos; or &apos;,&apos;.</source>
        <translation>%1: không được chứa khoảng trắng, ký tự điều khiển, &apos;?&apos;, &apos;#&apos; hoặc &apos;,&apos;.</translation>
    </message>
    <message>
        <source>%1: %2 does not exist.</source>
        <translation>%1: %2 không tồn tại.</translation>
    </message>
    <message>
        <source>%1: %2 is not a file.</source>
        <translation>%1: %2 không phải là tệp.</translation>
    </message>
    <message>
        <source>%1: %2 cannot be read (%3).</source>
        <translation>%1: không thể đọc %2 (%3).</translation>
    </message>
    <message>
        <source>%1: %2 is larger than 4 MiB.</source>
        <translation>%1: %2 lớn hơn 4 MiB.</translation>
    </message>
    <message>
        <source>%1: %2 holds no PEM or DER certificate.</source>
        <translation>%1: %2 không chứa chứng chỉ PEM hoặc DER nào.</translation>
    </message>
    <message>
        <source>Profile name</source>
        <translation>Tên hồ sơ</translation>
    </message>
    <message>
        <source>Gateway URL</source>
        <translation>URL gateway</translation>
    </message>
    <message>
        <source>Socket.IO path</source>
        <translation>Đường dẫn Socket.IO</translation>
    </message>
    <message>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <source>CA file</source>
        <translation>Tệp CA</translation>
    </message>
    <message>
        <source>%1: must not contain control characters.</source>
        <translation>%1: không được chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>Token file</source>
        <translation>Tệp token</translation>
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
        <translation>— tin/giây</translation>
    </message>
    <message>
        <source>Messages per second (not connected)</source>
        <translation>Số tin nhắn mỗi giây (chưa kết nối)</translation>
    </message>
    <message>
        <source>Rejected: 0</source>
        <translation>Bị từ chối: 0</translation>
    </message>
    <message>
        <source>No rejected input</source>
        <translation>Không có dữ liệu đầu vào bị từ chối</translation>
    </message>
    <message>
        <source>Meetings: %1 · Users: %2 active / %3</source>
        <translation>Cuộc họp: %1 · Người dùng: %2 hoạt động / %3</translation>
    </message>
    <message>
        <source>no messages yet</source>
        <translation>chưa có tin nhắn</translation>
    </message>
    <message>
        <source>no messages</source>
        <translation>không có tin nhắn</translation>
    </message>
    <message numerus="yes">
        <source>last message %n s ago</source>
        <translation>
            <numerusform>tin nhắn cuối %n giây trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n min ago</source>
        <translation>
            <numerusform>tin nhắn cuối %n phút trước</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>last message %n h ago</source>
        <translation>
            <numerusform>tin nhắn cuối %n giờ trước</numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation>Chưa kết nối — Tệp › Kết nối…</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Đã ngắt kết nối</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Đang kết nối tới %1…</translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation>Đã kết nối tới %1</translation>
    </message>
    <message>
        <source>Connection lost — retrying</source>
        <translation>Mất kết nối — đang thử lại</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>Bị gateway từ chối</translation>
    </message>
    <message>
        <source>Refused by the gateway: %1</source>
        <translation>Bị gateway từ chối: %1</translation>
    </message>
    <message>
        <source>%1 msg/s</source>
        <translation>%1 tin/giây</translation>
    </message>
    <message>
        <source>Socket.IO events per second over the last few seconds; %1 received in total</source>
        <translation>Số sự kiện Socket.IO mỗi giây trong vài giây gần nhất; tổng cộng đã nhận %1</translation>
    </message>
    <message>
        <source>Sample rejected, %1: %2</source>
        <translation>Mẫu bị từ chối, %1: %2</translation>
    </message>
    <message>
        <source>Frame dropped, %1: %2</source>
        <translation>Khung bị loại bỏ, %1: %2</translation>
    </message>
    <message>
        <source>Invalid fields shown as unknown: %1</source>
        <translation>Trường không hợp lệ được hiển thị là không rõ: %1</translation>
    </message>
    <message>
        <source>Rejected: %1</source>
        <translation>Bị từ chối: %1</translation>
    </message>
    <message>
        <source>Not connected, the TLS check failed: %1</source>
        <translation>Chưa kết nối, kiểm tra TLS thất bại: %1</translation>
    </message>
    <message>
        <source>Samples shed while the window and the history were behind (neither shown nor recorded): %1</source>
        <translation>Số mẫu bị bỏ khi cửa sổ và lịch sử xử lý không kịp (không hiển thị cũng không ghi lại): %1</translation>
    </message>
    <message>
        <source>Rejected: %1 · Shed: %2</source>
        <translation>Bị từ chối: %1 · Bị bỏ: %2</translation>
    </message>
</context>
<context>
    <name>mm::DesktopNotifier</name>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Xác nhận</translation>
    </message>
</context>
<context>
    <name>mm::DetailArea</name>
    <message>
        <source>This meeting is not live. Choose 1 h, 24 h or 7 d to see its history.</source>
        <translation>Cuộc họp này không còn trực tiếp. Chọn 1 giờ, 24 giờ hoặc 7 ngày để xem lịch sử của nó.</translation>
    </message>
    <message>
        <source>This user is not live. Choose 1 h, 24 h or 7 d to see their history.</source>
        <translation>Người dùng này không còn trực tiếp. Chọn 1 giờ, 24 giờ hoặc 7 ngày để xem lịch sử của họ.</translation>
    </message>
    <message>
        <source>The end of the range must come after its start.</source>
        <translation>Thời điểm kết thúc phải sau thời điểm bắt đầu.</translation>
    </message>
    <message>
        <source>No history database: only Live is available.</source>
        <translation>Không có cơ sở dữ liệu lịch sử: chỉ có chế độ Trực tiếp.</translation>
    </message>
    <message>
        <source>Reading history…</source>
        <translation>Đang đọc lịch sử…</translation>
    </message>
    <message>
        <source>History unavailable: %1</source>
        <translation>Lịch sử không khả dụng: %1</translation>
    </message>
    <message>
        <source>Cannot read the history: %1</source>
        <translation>Không thể đọc lịch sử: %1</translation>
    </message>
</context>
<context>
    <name>mm::ExportCommand</name>
    <message>
        <source>corrupt rollup (minute %1, user key %2)</source>
        <translation>bản tổng hợp bị hỏng (phút %1, khóa người dùng %2)</translation>
    </message>
    <message>
        <source>cannot write the output: </source>
        <translation>không thể ghi đầu ra: </translation>
    </message>
    <message>
        <source>corrupt raw block (minute %1, user key %2)</source>
        <translation>khối dữ liệu thô bị hỏng (phút %1, khóa người dùng %2)</translation>
    </message>
    <message>
        <source>Export recorded samples (or, with --resolution, per-user rollups; with --alerts, alert incidents) from a Meeting Monitor history as CSV.</source>
        <translation>Xuất các mẫu đã ghi (hoặc, với --resolution, các bản tổng hợp theo người dùng; với --alerts, các sự cố cảnh báo) từ lịch sử của Meeting Monitor dưới dạng CSV.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiển thị trợ giúp này.</translation>
    </message>
    <message>
        <source>History database to read.</source>
        <translation>Cơ sở dữ liệu lịch sử cần đọc.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Output format (csv).</source>
        <translation>Định dạng đầu ra (csv).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>ĐỊNH_DẠNG</translation>
    </message>
    <message>
        <source>First receive time to include, ISO-8601 (UTC unless an offset is given).</source>
        <translation>Thời điểm nhận đầu tiên được đưa vào, theo ISO-8601 (UTC trừ khi có chỉ định độ lệch múi giờ).</translation>
    </message>
    <message>
        <source>ISO8601</source>
        <translation>ISO8601</translation>
    </message>
    <message>
        <source>Receive time to stop before, ISO-8601.</source>
        <translation>Thời điểm nhận để dừng trước đó, theo ISO-8601.</translation>
    </message>
    <message>
        <source>Only this meeting id.</source>
        <translation>Chỉ cuộc họp có mã này.</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>MÃ</translation>
    </message>
    <message>
        <source>Only this user id.</source>
        <translation>Chỉ người dùng có mã này.</translation>
    </message>
    <message>
        <source>Write to FILE (atomically) instead of stdout.</source>
        <translation>Ghi vào TỆP (theo cách nguyên tử) thay vì stdout.</translation>
    </message>
    <message>
        <source>Export per-user rollups instead of raw samples: 1m (one row per user and minute) or 1h (per hour).</source>
        <translation>Xuất các bản tổng hợp theo người dùng thay vì mẫu thô: 1m (một dòng cho mỗi người dùng và mỗi phút) hoặc 1h (theo giờ).</translation>
    </message>
    <message>
        <source>Export alert incidents instead of samples, one row per incident; --from/--to select by start time.</source>
        <translation>Xuất các sự cố cảnh báo thay vì mẫu, một dòng cho mỗi sự cố; --from/--to chọn theo thời điểm bắt đầu.</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (thử --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>đối số không mong đợi &apos;%1&apos; (thử --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>Bắt buộc phải có --db TỆP (thử --help)</translation>
    </message>
    <message>
        <source>unsupported format &apos;%1&apos; (only csv)</source>
        <translation>định dạng không được hỗ trợ &apos;%1&apos; (chỉ hỗ trợ csv)</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not an ISO-8601 date or date-time (e.g. 2026-11-24T10:15:03Z)</source>
        <translation>--%1: &apos;%2&apos; không phải là ngày hoặc ngày giờ ISO-8601 (ví dụ 2026-11-24T10:15:03Z)</translation>
    </message>
    <message>
        <source>--from is after --to</source>
        <translation>--from nằm sau --to</translation>
    </message>
    <message>
        <source>--resolution: &apos;%1&apos; is not 1m or 1h</source>
        <translation>--resolution: &apos;%1&apos; không phải là 1m hoặc 1h</translation>
    </message>
    <message>
        <source>--alerts and --resolution cannot be combined</source>
        <translation>Không thể kết hợp --alerts với --resolution</translation>
    </message>
    <message>
        <source>export failed: %1</source>
        <translation>xuất thất bại: %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>không thể ghi %1: %2</translation>
    </message>
    <message>
        <source>export to %1 failed: %2</source>
        <translation>xuất ra %1 thất bại: %2</translation>
    </message>
</context>
<context>
    <name>mm::ExportDialog</name>
    <message>
        <source>&amp;Everything</source>
        <translation>Tất &amp;cả</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;yệt…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Xuất</translation>
    </message>
    <message>
        <source>Samples (every second, raw)</source>
        <translation>Mẫu (mỗi giây, dữ liệu thô)</translation>
    </message>
    <message>
        <source>Rollups per minute</source>
        <translation>Tổng hợp theo phút</translation>
    </message>
    <message>
        <source>Rollups per hour</source>
        <translation>Tổng hợp theo giờ</translation>
    </message>
    <message>
        <source>Alert incidents</source>
        <translation>Sự cố cảnh báo</translation>
    </message>
    <message>
        <source>Weekly quality report</source>
        <translation>Báo cáo chất lượng hằng tuần</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Phạm vi</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Tệp cần ghi</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Loại dữ liệu:</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>Định &amp;dạng:</translation>
    </message>
    <message>
        <source>F&amp;ile:</source>
        <translation>Tệ&amp;p:</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Xuất</translation>
    </message>
    <message>
        <source>No history is recorded: start with a history database to export.</source>
        <translation>Không có lịch sử nào được ghi: hãy khởi động với cơ sở dữ liệu lịch sử để xuất.</translation>
    </message>
    <message>
        <source>Reads the history in %1.</source>
        <translation>Đọc lịch sử trong %1.</translation>
    </message>
    <message>
        <source>Local time (%1)</source>
        <translation>Giờ địa phương (%1)</translation>
    </message>
    <message>
        <source>F&amp;rom:</source>
        <translation>&amp;Từ:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>Đế&amp;n:</translation>
    </message>
    <message>
        <source>%1 (%2 – %3)</source>
        <translation>%1 (%2 – %3)</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>đến nay</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>Hệ thống (%1)</translation>
    </message>
    <message>
        <source>&amp;Week:</source>
        <translation>T&amp;uần:</translation>
    </message>
    <message>
        <source>Time &amp;zone:</source>
        <translation>&amp;Múi giờ:</translation>
    </message>
    <message>
        <source>The selected meeting (none selected)</source>
        <translation>Cuộc họp đã chọn (chưa chọn cuộc họp nào)</translation>
    </message>
    <message>
        <source>Meeting %1</source>
        <translation>Cuộc họp %1</translation>
    </message>
    <message>
        <source>The selected user (none selected)</source>
        <translation>Người dùng đã chọn (chưa chọn người dùng nào)</translation>
    </message>
    <message>
        <source>User %1 in meeting %2</source>
        <translation>Người dùng %1 trong cuộc họp %2</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Hãy chọn tệp để ghi.</translation>
    </message>
    <message>
        <source>%1 is a folder: choose a file.</source>
        <translation>%1 là thư mục: hãy chọn một tệp.</translation>
    </message>
    <message>
        <source>The range is empty: “From” must be before “To”.</source>
        <translation>Khoảng thời gian trống: “Từ” phải trước “Đến”.</translation>
    </message>
    <message>
        <source>No meeting is selected: select one in the tree, or export everything.</source>
        <translation>Chưa chọn cuộc họp nào: hãy chọn một cuộc họp trong cây, hoặc xuất tất cả.</translation>
    </message>
    <message>
        <source>No user is selected: select one in the tree, or export everything.</source>
        <translation>Chưa chọn người dùng nào: hãy chọn một người dùng trong cây, hoặc xuất tất cả.</translation>
    </message>
    <message>
        <source>PDF (A4, with charts)</source>
        <translation>PDF (A4, kèm biểu đồ)</translation>
    </message>
    <message>
        <source>CSV (comma-separated)</source>
        <translation>CSV (phân tách bằng dấu phẩy)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>Tệp CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Xuất ra</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Hủy</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đón&amp;g</translation>
    </message>
    <message>
        <source>%1 exists. Replace it? (It stays as it is unless the export completes.)</source>
        <translation>%1 đã tồn tại. Thay thế tệp này? (Tệp được giữ nguyên nếu quá trình xuất không hoàn tất.)</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Đang xuất…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
    <message>
        <source>Drawing the PDF…</source>
        <translation>Đang vẽ PDF…</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1.</source>
        <translation>
            <numerusform>Đã xuất %n dòng vào %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Exported to %1.</source>
        <translation>Đã xuất vào %1.</translation>
    </message>
    <message>
        <source>Cancelled: %1 was left as it was.</source>
        <translation>Đã hủy: %1 được giữ nguyên.</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Đã hủy: không có tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Xuất thất bại: %1</translation>
    </message>
</context>
<context>
    <name>mm::ExportWorker</name>
    <message>
        <source>Cannot open the history: %1</source>
        <translation>Không thể mở lịch sử: %1</translation>
    </message>
    <message>
        <source>no history is recorded</source>
        <translation>không có lịch sử nào được ghi</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Không thể ghi %1: %2</translation>
    </message>
    <message>
        <source>“%1” is not an ISO week.</source>
        <translation>“%1” không phải là tuần ISO.</translation>
    </message>
    <message>
        <source>Unknown time zone %1.</source>
        <translation>Múi giờ %1 không xác định.</translation>
    </message>
</context>
<context>
    <name>mm::FleetChartView</name>
    <message>
        <source>All meetings</source>
        <translation>Tất cả cuộc họp</translation>
    </message>
    <message>
        <source>Live users and meetings</source>
        <translation>Người dùng và cuộc họp trực tiếp</translation>
    </message>
    <message>
        <source>Users (left)</source>
        <translation>Người dùng (trái)</translation>
    </message>
    <message>
        <source>Meetings (right)</source>
        <translation>Cuộc họp (phải)</translation>
    </message>
    <message>
        <source>Share of users by quality (%)</source>
        <translation>Tỷ lệ người dùng theo chất lượng (%)</translation>
    </message>
    <message>
        <source>No fleet history yet.</source>
        <translation>Chưa có lịch sử toàn hệ thống.</translation>
    </message>
    <message>
        <source>no users</source>
        <translation>không có người dùng</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>Không có dữ liệu trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>No users</source>
        <translation>Không có người dùng</translation>
    </message>
    <message>
        <source>Users: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>Meetings: %1</source>
        <translation>Cuộc họp: %1</translation>
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
        <translation>URL gateway: chưa nhập URL.</translation>
    </message>
    <message>
        <source>Gateway URL: not a valid URL (%1).</source>
        <translation>URL gateway: URL không hợp lệ (%1).</translation>
    </message>
    <message>
        <source>Gateway URL: the scheme must be wss://, https://, ws:// or http://.</source>
        <translation>URL gateway: giao thức phải là wss://, https://, ws:// hoặc http://.</translation>
    </message>
    <message>
        <source>Gateway URL: no host name.</source>
        <translation>URL gateway: không có tên máy chủ.</translation>
    </message>
    <message>
        <source>Gateway URL: a user name or password must not be part of the URL.</source>
        <translation>URL gateway: không được đưa tên người dùng hoặc mật khẩu vào URL.</translation>
    </message>
    <message>
        <source>Gateway URL: unencrypted ws:// is only allowed to this computer (127.0.0.1, ::1, localhost); use wss://, or allow unencrypted connections explicitly (the profile&apos;s setting, or --allow-unencrypted).</source>
        <translation>URL gateway: ws:// không mã hóa chỉ được phép tới chính máy tính này (127.0.0.1, ::1, localhost); hãy dùng wss://, hoặc cho phép rõ ràng kết nối không mã hóa (thiết lập của hồ sơ, hoặc --allow-unencrypted).</translation>
    </message>
    <message>
        <source>Trust only the CA certificates in FILE (PEM or DER) for a wss:// gateway, instead of the system&apos;s.</source>
        <translation>Chỉ tin cậy các chứng chỉ CA trong TỆP (PEM hoặc DER) cho gateway wss://, thay vì chứng chỉ của hệ thống.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>Allow ws:// to a gateway on another computer (the token and the metrics travel unencrypted; a warning says so).</source>
        <translation>Cho phép ws:// tới gateway trên máy khác (token và số liệu được truyền không mã hóa; sẽ có cảnh báo về điều này).</translation>
    </message>
</context>
<context>
    <name>mm::HeadlessCommands</name>
    <message>
        <source>not available in this program</source>
        <translation>không khả dụng trong chương trình này</translation>
    </message>
</context>
<context>
    <name>mm::ImportCommand</name>
    <message>
        <source>more than %1 cells</source>
        <translation>nhiều hơn %1 ô</translation>
    </message>
    <message>
        <source>a quoted cell is not closed before the end of the file</source>
        <translation>một ô có dấu ngoặc kép chưa được đóng trước khi hết tệp</translation>
    </message>
    <message>
        <source>text after a closing quote</source>
        <translation>có văn bản sau dấu ngoặc kép đóng</translation>
    </message>
    <message>
        <source>a cell longer than %1 bytes</source>
        <translation>một ô dài hơn %1 byte</translation>
    </message>
    <message>
        <source>Import samples from a CSV file in the format of `meeting-monitor export --format csv` into a history database (created if needed), taking `time` as the sample time. Bad rows are reported and skipped; the good rows are kept.
Exit codes: 0 every row imported, 1 error, 2 usage error, 3 some rows rejected.</source>
        <translation>Nhập các mẫu từ tệp CSV có định dạng của `meeting-monitor export --format csv` vào cơ sở dữ liệu lịch sử (tạo mới nếu cần), lấy `time` làm thời điểm của mẫu. Các dòng lỗi được báo cáo và bỏ qua; các dòng hợp lệ được giữ lại.
Mã thoát: 0 đã nhập mọi dòng, 1 lỗi, 2 lỗi cách dùng, 3 một số dòng bị từ chối.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiển thị trợ giúp này.</translation>
    </message>
    <message>
        <source>History database to write.</source>
        <translation>Cơ sở dữ liệu lịch sử cần ghi.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>CSV file to read.</source>
        <translation>Tệp CSV cần đọc.</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (thử --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>đối số không mong đợi &apos;%1&apos; (thử --help)</translation>
    </message>
    <message>
        <source>--db FILE and --csv FILE are required (try --help)</source>
        <translation>Bắt buộc phải có --db TỆP và --csv TỆP (thử --help)</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>không thể đọc %1: %2</translation>
    </message>
    <message>
        <source>%1: no header row%2</source>
        <translation>%1: không có dòng tiêu đề%2</translation>
    </message>
    <message>
        <source>line %1: unknown column &apos;%2&apos; (ignored)</source>
        <translation>dòng %1: cột không xác định &apos;%2&apos; (đã bỏ qua)</translation>
    </message>
    <message>
        <source>line %1: column &apos;%2&apos; appears twice</source>
        <translation>dòng %1: cột &apos;%2&apos; xuất hiện hai lần</translation>
    </message>
    <message>
        <source>line %1: the header has no &apos;%2&apos; column</source>
        <translation>dòng %1: tiêu đề không có cột &apos;%2&apos;</translation>
    </message>
    <message>
        <source>line %1: %2</source>
        <translation>dòng %1: %2</translation>
    </message>
    <message>
        <source>more rejected rows follow; only their count is reported</source>
        <translation>còn các dòng bị từ chối khác; chỉ báo cáo số lượng của chúng</translation>
    </message>
    <message>
        <source>%1 cells where the header has %2</source>
        <translation>%1 ô trong khi tiêu đề có %2</translation>
    </message>
    <message>
        <source>time: &apos;%1&apos; is not an ISO-8601 time</source>
        <translation>time: &apos;%1&apos; không phải là thời điểm ISO-8601</translation>
    </message>
    <message>
        <source>%1: empty or longer than %2 characters</source>
        <translation>%1: trống hoặc dài hơn %2 ký tự</translation>
    </message>
    <message>
        <source>quality: &apos;%1&apos; is not excellent, good, fair or poor</source>
        <translation>quality: &apos;%1&apos; không phải là excellent, good, fair hoặc poor</translation>
    </message>
    <message>
        <source>%1: not a number</source>
        <translation>%1: không phải là số</translation>
    </message>
    <message>
        <source>%1: %2 is outside 0..%3</source>
        <translation>%1: %2 nằm ngoài khoảng 0..%3</translation>
    </message>
    <message>
        <source>import stopped: %1; the rows before line %2 are stored, nothing of the failed transaction is</source>
        <translation>đã dừng nhập: %1; các dòng trước dòng %2 đã được lưu, không có gì từ giao dịch thất bại được lưu</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>lỗi đọc</translation>
    </message>
    <message>
        <source>imported %1 samples from %2; %3 rows rejected</source>
        <translation>đã nhập %1 mẫu từ %2; %3 dòng bị từ chối</translation>
    </message>
</context>
<context>
    <name>mm::Incident</name>
    <message>
        <source>Pending</source>
        <translation>Đang chờ</translation>
    </message>
    <message>
        <source>Firing</source>
        <translation>Kích hoạt</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Đã xử lý</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>the user left while alerting</comment>
        <translation>Kết thúc</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Đã hủy</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Bảng điều khiển</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Dashboard and gateway</source>
        <translation>Bảng điều khiển và gateway</translation>
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
        <translation>&amp;Kết nối…</translation>
    </message>
    <message>
        <source>Connect to a gateway (Ctrl+K)</source>
        <translation>Kết nối tới gateway (Ctrl+K)</translation>
    </message>
    <message>
        <source>&amp;Disconnect</source>
        <translation>&amp;Ngắt kết nối</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>&amp;Mở rộng tất cả</translation>
    </message>
    <message>
        <source>C&amp;ollapse all</source>
        <translation>&amp;Thu gọn tất cả</translation>
    </message>
    <message>
        <source>Only users with &amp;issues</source>
        <translation>Chỉ người dùng có &amp;vấn đề</translation>
    </message>
    <message>
        <source>Show only users whose quality is fair or poor (Ctrl+I)</source>
        <translation>Chỉ hiện người dùng có chất lượng trung bình hoặc kém (Ctrl+I)</translation>
    </message>
    <message>
        <source>&amp;Focus filter</source>
        <translation>Chuyển tới ô &amp;lọc</translation>
    </message>
    <message>
        <source>&amp;About Meeting Monitor</source>
        <translation>&amp;Giới thiệu Meeting Monitor</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Filter by meeting, user id or name</source>
        <translation>Lọc theo cuộc họp, mã hoặc tên người dùng</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Chính</translation>
    </message>
    <message>
        <source>Not connected — File › Connect…</source>
        <translation>Chưa kết nối — Tệp › Kết nối…</translation>
    </message>
    <message>
        <source>Start with --demo to watch the built-in simulated gateway.</source>
        <translation>Khởi động với --demo để theo dõi gateway mô phỏng tích hợp sẵn.</translation>
    </message>
    <message>
        <source>Connect…</source>
        <translation>Kết nối…</translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation>Kết nối bị từ chối</translation>
    </message>
    <message>
        <source>The gateway refused the connection. Its message:

%1

Check the token and use File › Connect… to try again.</source>
        <translation>Gateway đã từ chối kết nối. Thông báo của gateway:

%1

Hãy kiểm tra token và dùng Tệp › Kết nối… để thử lại.</translation>
    </message>
    <message>
        <source>About Meeting Monitor</source>
        <translation>Giới thiệu Meeting Monitor</translation>
    </message>
    <message>
        <source>Meeting Monitor %1

Live connection quality of the meetings on a P2P meeting platform: bandwidth, latency, packet loss and jitter of every participant, as their browsers report them.</source>
        <translation>Meeting Monitor %1

Chất lượng kết nối trực tiếp của các cuộc họp trên nền tảng họp P2P: băng thông, độ trễ, mất gói và jitter của từng người tham gia, theo báo cáo từ trình duyệt của họ.</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Xuất…</translation>
    </message>
    <message>
        <source>Export samples, rollups, alert incidents or the weekly report (Ctrl+E)</source>
        <translation>Xuất mẫu, dữ liệu tổng hợp, sự cố cảnh báo hoặc báo cáo hằng tuần (Ctrl+E)</translation>
    </message>
    <message>
        <source>Save c&amp;hart as…</source>
        <translation>&amp;Lưu biểu đồ thành…</translation>
    </message>
    <message>
        <source>Save the chart below the tree as PNG or PDF (Ctrl+Shift+S)</source>
        <translation>Lưu biểu đồ bên dưới cây dưới dạng PNG hoặc PDF (Ctrl+Shift+S)</translation>
    </message>
    <message>
        <source>Connect &amp;to</source>
        <translation>Kết nối &amp;tới</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>Chỉnh &amp;sửa</translation>
    </message>
    <message>
        <source>Unencrypted: the token and metrics can be read on the network</source>
        <translation>Không mã hóa: token và số liệu có thể bị đọc trên mạng</translation>
    </message>
    <message>
        <source>The gateway&apos;s certificate was not accepted, so no connection was made:

%1

Check the profile&apos;s CA file and the gateway&apos;s host name, then use File › Connect… to try again.</source>
        <translation>Chứng chỉ của gateway không được chấp nhận nên chưa có kết nối nào được tạo:

%1

Hãy kiểm tra tệp CA của hồ sơ và tên máy chủ của gateway, rồi dùng Tệp › Kết nối… để thử lại.</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Hồ sơ kết nối</translation>
    </message>
    <message>
        <source>Some connection profiles cannot be used and were left out; the others are available. Fix or remove them in Edit › Settings.

%1</source>
        <translation>Một số hồ sơ kết nối không dùng được và đã bị bỏ qua; các hồ sơ khác vẫn dùng được. Hãy sửa hoặc xóa chúng trong Chỉnh sửa › Cài đặt.

%1</translation>
    </message>
    <message>
        <source>Edit profiles…</source>
        <translation>Sửa hồ sơ…</translation>
    </message>
    <message>
        <source>No token is stored for %1 yet. Type it to connect, or leave it empty if the gateway needs none.</source>
        <translation>Chưa có token nào được lưu cho %1. Hãy nhập token để kết nối, hoặc để trống nếu gateway không cần token.</translation>
    </message>
    <message>
        <source>No system keychain is available.</source>
        <translation>Không có kho khóa của hệ thống.</translation>
    </message>
    <message>
        <source>The keyring is locked, so the stored token cannot be read. Unlock it and connect again, or type the token for this run.</source>
        <translation>Kho khóa đang bị khóa nên không thể đọc token đã lưu. Hãy mở khóa rồi kết nối lại, hoặc nhập token cho lần chạy này.</translation>
    </message>
    <message>
        <source>The keychain did not give the token: %1</source>
        <translation>Kho khóa không trả về token: %1</translation>
    </message>
    <message>
        <source>No system keychain is available: the token is kept in memory for this run only.</source>
        <translation>Không có kho khóa của hệ thống: token chỉ được giữ trong bộ nhớ cho lần chạy này.</translation>
    </message>
    <message>
        <source>The token could not be stored in the keychain (%1); it is kept in memory for this run only.</source>
        <translation>Không thể lưu token vào kho khóa (%1); token chỉ được giữ trong bộ nhớ cho lần chạy này.</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>Kho khóa</translation>
    </message>
    <message>
        <source>Not connected: showing the recorded history — File › Connect… for live data</source>
        <translation>Chưa kết nối: đang hiển thị lịch sử đã ghi — Tệp › Kết nối… để xem dữ liệu trực tiếp</translation>
    </message>
</context>
<context>
    <name>mm::MeetingChartView</name>
    <message>
        <source>Latency per participant (ms)</source>
        <translation>Độ trễ theo người tham gia (ms)</translation>
    </message>
    <message>
        <source>Bandwidth per participant, up + down (kbps)</source>
        <translation>Băng thông theo người tham gia, lên + xuống (kbps)</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Cuộc họp</translation>
    </message>
    <message>
        <source>Score (0–100, left)</source>
        <translation>Điểm (0–100, trái)</translation>
    </message>
    <message>
        <source>Participants (right)</source>
        <translation>Người tham gia (phải)</translation>
    </message>
    <message>
        <source>Click a name to highlight</source>
        <translation>Nhấp vào tên để làm nổi bật</translation>
    </message>
    <message>
        <source>Select a meeting to see its history.</source>
        <translation>Chọn một cuộc họp để xem lịch sử của nó.</translation>
    </message>
    <message>
        <source>Meeting %1 (%2)</source>
        <translation>Cuộc họp %1 (%2)</translation>
    </message>
    <message>
        <source>per-minute rollups</source>
        <translation>tổng hợp theo phút</translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation>mẫu thô 1 giây</translation>
    </message>
    <message>
        <source>%1 more participants not drawn</source>
        <translation>%1 người tham gia khác không được vẽ</translation>
    </message>
    <message>
        <source>no participants</source>
        <translation>không có người tham gia</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>Không có dữ liệu trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Không có dữ liệu</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Điểm: %1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>Participants: %1</source>
        <translation>Người tham gia: %1</translation>
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
        <translation>… và %1 người khác</translation>
    </message>
</context>
<context>
    <name>mm::MeetingTreeModel</name>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Upload (kbps)</source>
        <translation>Tải lên (kbps)</translation>
    </message>
    <message>
        <source>Download (kbps)</source>
        <translation>Tải xuống (kbps)</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Độ trễ (ms)</translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation>Mất gói (%)</translation>
    </message>
    <message>
        <source>Jitter (ms)</source>
        <translation>Jitter (ms)</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <source>Issues</source>
        <comment>users with fair or poor connections</comment>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Rất tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>connection quality</comment>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>%1 of %2 active</source>
        <translation>%1 / %2 hoạt động</translation>
    </message>
    <message>
        <source>%1 / 100</source>
        <comment>meeting quality score</comment>
        <translation>%1 / 100</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Không hoạt động</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
</context>
<context>
    <name>mm::NotificationPolicy</name>
    <message numerus="yes">
        <source>%n s</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n giây</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n phút</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n h</source>
        <comment>duration</comment>
        <translation>
            <numerusform>%n giờ</numerusform>
        </translation>
    </message>
    <message>
        <source>the gateway</source>
        <translation>gateway</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 trong %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>và %n mục khác</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) in %1</source>
        <translation>
            <numerusform>%n cảnh báo trong %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Still firing: %1: %2</source>
        <translation>Vẫn đang kích hoạt: %1: %2</translation>
    </message>
    <message>
        <source>Firing for %1, not acknowledged.</source>
        <translation>Đã kích hoạt được %1, chưa được xác nhận.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) still firing in %1</source>
        <translation>
            <numerusform>%n cảnh báo vẫn đang kích hoạt trong %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (for %2)</source>
        <translation>%1 (kéo dài %2)</translation>
    </message>
    <message>
        <source>Recovered: %1: %2</source>
        <translation>Đã phục hồi: %1: %2</translation>
    </message>
    <message>
        <source>Recovered after %1.</source>
        <translation>Đã phục hồi sau %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n alert(s) recovered in %1</source>
        <translation>
            <numerusform>%n cảnh báo đã phục hồi trong %1</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (after %2)</source>
        <translation>%1 (sau %2)</translation>
    </message>
</context>
<context>
    <name>mm::PacketError</name>
    <message>
        <source>no error</source>
        <translation>không có lỗi</translation>
    </message>
    <message>
        <source>empty packet</source>
        <translation>gói rỗng</translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation>loại gói không xác định</translation>
    </message>
    <message>
        <source>illegal attachment count</source>
        <translation>số lượng tệp đính kèm không hợp lệ</translation>
    </message>
    <message>
        <source>too many attachments</source>
        <translation>quá nhiều tệp đính kèm</translation>
    </message>
    <message>
        <source>invalid acknowledgement id</source>
        <translation>mã xác nhận (ack) không hợp lệ</translation>
    </message>
    <message>
        <source>malformed JSON</source>
        <translation>JSON sai định dạng</translation>
    </message>
    <message>
        <source>JSON nested too deeply</source>
        <translation>JSON lồng nhau quá sâu</translation>
    </message>
    <message>
        <source>invalid payload for the packet type</source>
        <translation>dữ liệu không hợp lệ cho loại gói</translation>
    </message>
    <message>
        <source>unknown error</source>
        <translation>lỗi không xác định</translation>
    </message>
</context>
<context>
    <name>mm::QualityDelegate</name>
    <message>
        <source>Excellent</source>
        <translation>Rất tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
</context>
<context>
    <name>mm::RecordCommand</name>
    <message>
        <source>recording %1 (namespace %2, path %3) into %4; %5</source>
        <translation>đang ghi %1 (namespace %2, đường dẫn %3) vào %4; %5</translation>
    </message>
    <message>
        <source>no token</source>
        <translation>không có token</translation>
    </message>
    <message>
        <source>with a token</source>
        <translation>có token</translation>
    </message>
    <message>
        <source>weekly report %1 written: %2</source>
        <translation>đã ghi báo cáo hằng tuần %1: %2</translation>
    </message>
    <message>
        <source>weekly report %1 failed (retried in an hour): %2</source>
        <translation>báo cáo hằng tuần %1 thất bại (sẽ thử lại sau một giờ): %2</translation>
    </message>
    <message>
        <source>weekly reports into %1 (%2%3)</source>
        <translation>báo cáo hằng tuần vào %1 (%2%3)</translation>
    </message>
    <message>
        <source>, PDF and CSV</source>
        <translation>, PDF và CSV</translation>
    </message>
    <message>
        <source>, CSV only</source>
        <translation>, chỉ CSV</translation>
    </message>
    <message>
        <source>stopped; %1 samples committed, %2 incidents recorded (%3 fired)</source>
        <translation>đã dừng; đã ghi %1 mẫu, đã lưu %2 sự cố (%3 đã kích hoạt)</translation>
    </message>
    <message>
        <source>%1 received: committing and exiting</source>
        <translation>đã nhận %1: đang ghi dữ liệu và thoát</translation>
    </message>
    <message>
        <source>connection: %1</source>
        <translation>kết nối: %1</translation>
    </message>
    <message>
        <source>disconnected by the server</source>
        <translation>máy chủ đã ngắt kết nối</translation>
    </message>
    <message>
        <source>the gateway refused the connection: %1</source>
        <translation>gateway đã từ chối kết nối: %1</translation>
    </message>
    <message>
        <source>history write failed (recording continues): %1</source>
        <translation>ghi lịch sử thất bại (vẫn tiếp tục ghi): %1</translation>
    </message>
    <message>
        <source>retention: deleted %1 raw minute blocks and %2 rollup rows</source>
        <translation>lưu giữ: đã xóa %1 khối mẫu thô theo phút và %2 hàng tổng hợp</translation>
    </message>
    <message>
        <source>Record every valid sample from a Meeting Monitor gateway into an SQLite history, without a window. SIGTERM or SIGINT commits what was received and exits 0. The token comes from --token-file, else the MEETING_MONITOR_TOKEN environment variable, else the system keychain (&apos;meeting-monitor token set --gateway URL&apos;).
Exit codes: 0 stopped by a signal, 1 history error, 2 usage error, 3 the gateway refused the connection.</source>
        <translation>Ghi mọi mẫu hợp lệ từ gateway Meeting Monitor vào lịch sử SQLite, không cần cửa sổ. SIGTERM hoặc SIGINT sẽ ghi những gì đã nhận và thoát với mã 0. Token lấy từ --token-file, nếu không có thì từ biến môi trường MEETING_MONITOR_TOKEN, nếu không có nữa thì từ kho khóa của hệ thống (&apos;meeting-monitor token set --gateway URL&apos;).
Mã thoát: 0 dừng bởi tín hiệu, 1 lỗi lịch sử, 2 lỗi cách dùng, 3 gateway từ chối kết nối.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiển thị trợ giúp này.</translation>
    </message>
    <message>
        <source>Gateway URL (ws://, wss://, http:// or https://).</source>
        <translation>URL của gateway (ws://, wss://, http:// hoặc https://).</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>Socket.IO namespace.</source>
        <translation>Namespace Socket.IO.</translation>
    </message>
    <message>
        <source>NSP</source>
        <translation>NSP</translation>
    </message>
    <message>
        <source>Socket.IO server path.</source>
        <translation>Đường dẫn máy chủ Socket.IO.</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>ĐƯỜNG_DẪN</translation>
    </message>
    <message>
        <source>Read the admin token from FILE (a trailing newline is ignored).</source>
        <translation>Đọc token quản trị từ TỆP (bỏ qua ký tự xuống dòng ở cuối).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>History database to write (created if needed).</source>
        <translation>Cơ sở dữ liệu lịch sử để ghi (tự tạo nếu cần).</translation>
    </message>
    <message>
        <source>Keep raw 1 Hz samples for HOURS (default 24; 0 keeps them forever).</source>
        <translation>Giữ mẫu thô 1 Hz trong SỐ_GIỜ (mặc định 24 giờ; 0 là giữ vĩnh viễn).</translation>
    </message>
    <message>
        <source>HOURS</source>
        <translation>SỐ_GIỜ</translation>
    </message>
    <message>
        <source>Keep per-minute rollups for DAYS (default 90; 0 keeps them forever).</source>
        <translation>Giữ dữ liệu tổng hợp theo phút trong SỐ_NGÀY (mặc định 90 ngày; 0 là giữ vĩnh viễn).</translation>
    </message>
    <message>
        <source>DAYS</source>
        <translation>SỐ_NGÀY</translation>
    </message>
    <message>
        <source>Alert rules as JSON (the settings form; rules it leaves out keep the plan&apos;s defaults). Incidents are kept in the history.</source>
        <translation>Quy tắc cảnh báo dạng JSON (giống biểu mẫu cài đặt; các quy tắc không được nêu sẽ giữ giá trị mặc định của gói). Sự cố được lưu trong lịch sử.</translation>
    </message>
    <message>
        <source>Every Monday shortly after midnight (local time), write last week&apos;s quality report into DIR as meeting-quality-YYYY-Www.pdf and .csv; a week missed while the recorder was down is written at start.</source>
        <translation>Mỗi thứ Hai, ngay sau nửa đêm (giờ địa phương), ghi báo cáo chất lượng của tuần trước vào THƯ_MỤC dưới dạng meeting-quality-YYYY-Www.pdf và .csv; tuần bị bỏ lỡ khi trình ghi ngừng hoạt động sẽ được ghi khi khởi động.</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>THƯ_MỤC</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (thử --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>đối số không mong đợi &apos;%1&apos; (thử --help)</translation>
    </message>
    <message>
        <source>--gateway URL is required (try --help)</source>
        <translation>bắt buộc phải có --gateway URL (thử --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>Bắt buộc phải có --db TỆP (thử --help)</translation>
    </message>
    <message>
        <source>--weekly-report-dir needs a directory</source>
        <translation>--weekly-report-dir cần một thư mục</translation>
    </message>
    <message>
        <source>--%1: &apos;%2&apos; is not a number of %3 between 0 and %4</source>
        <translation>--%1: &apos;%2&apos; không phải là số %3 trong khoảng từ 0 đến %4</translation>
    </message>
    <message>
        <source>--gateway: &apos;%1&apos; is not a ws://, wss://, http:// or https:// URL</source>
        <translation>--gateway: &apos;%1&apos; không phải là URL ws://, wss://, http:// hoặc https://</translation>
    </message>
    <message>
        <source>warning: --allow-unencrypted: the token and the data travel unencrypted to %1</source>
        <translation>cảnh báo: --allow-unencrypted: token và dữ liệu được truyền không mã hóa tới %1</translation>
    </message>
    <message>
        <source>--namespace must start with &apos;/&apos;</source>
        <translation>--namespace phải bắt đầu bằng &apos;/&apos;</translation>
    </message>
    <message>
        <source>--path must start with &apos;/&apos;</source>
        <translation>--path phải bắt đầu bằng &apos;/&apos;</translation>
    </message>
    <message>
        <source>--rules: cannot read %1: %2</source>
        <translation>--rules: không thể đọc %1: %2</translation>
    </message>
    <message>
        <source>file too large</source>
        <translation>tệp quá lớn</translation>
    </message>
    <message>
        <source>warning: cannot watch SIGTERM/SIGINT; they will end the recorder without a final commit</source>
        <translation>cảnh báo: không thể theo dõi SIGTERM/SIGINT; chúng sẽ kết thúc trình ghi mà không ghi dữ liệu lần cuối</translation>
    </message>
    <message>
        <source>After every committed transaction, log &apos;committed: rows-committed=N newest-sample-ms=T&apos; (samples committed by this run, newest receive time in ms since the epoch): for crash-test harnesses.</source>
        <translation>Sau mỗi giao dịch đã ghi, ghi nhật ký &apos;committed: rows-committed=N newest-sample-ms=T&apos; (số mẫu lần chạy này đã ghi, thời điểm nhận mới nhất tính bằng ms từ epoch): dành cho các bộ kiểm thử sự cố.</translation>
    </message>
</context>
<context>
    <name>mm::ReportCommand</name>
    <message>
        <source>Write the weekly quality report of a Meeting Monitor history (from its per-minute rollups and alert incidents) as PDF or CSV. Needs no display.
Exit codes: 0 written, 1 history or write error, 2 usage error.</source>
        <translation>Ghi báo cáo chất lượng hằng tuần từ lịch sử Meeting Monitor (dựa trên dữ liệu tổng hợp theo phút và sự cố cảnh báo) dưới dạng PDF hoặc CSV. Không cần màn hình.
Mã thoát: 0 đã ghi, 1 lỗi lịch sử hoặc lỗi ghi, 2 lỗi cách dùng.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiển thị trợ giúp này.</translation>
    </message>
    <message>
        <source>History database to read.</source>
        <translation>Cơ sở dữ liệu lịch sử cần đọc.</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>TỆP</translation>
    </message>
    <message>
        <source>ISO week, e.g. 2026-W47 (default: the last completed week).</source>
        <translation>Tuần ISO, ví dụ 2026-W47 (mặc định: tuần gần nhất đã kết thúc).</translation>
    </message>
    <message>
        <source>IANA time zone of the days and the week, e.g. Asia/Ho_Chi_Minh (default: the system&apos;s).</source>
        <translation>Múi giờ IANA của các ngày và tuần, ví dụ Asia/Ho_Chi_Minh (mặc định: múi giờ của hệ thống).</translation>
    </message>
    <message>
        <source>ZONE</source>
        <translation>MÚI_GIỜ</translation>
    </message>
    <message>
        <source>pdf or csv (default: from --out&apos;s suffix).</source>
        <translation>pdf hoặc csv (mặc định: theo phần mở rộng của --out).</translation>
    </message>
    <message>
        <source>FORMAT</source>
        <translation>ĐỊNH_DẠNG</translation>
    </message>
    <message>
        <source>Write to FILE (atomically).</source>
        <translation>Ghi vào TỆP (ghi nguyên tử).</translation>
    </message>
    <message>
        <source>Gateway name or URL for the report&apos;s header.</source>
        <translation>Tên hoặc URL của gateway cho phần đầu báo cáo.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>TÊN</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (thử --help)</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos; (try --help)</source>
        <translation>đối số không mong đợi &apos;%1&apos; (thử --help)</translation>
    </message>
    <message>
        <source>--db FILE is required (try --help)</source>
        <translation>Bắt buộc phải có --db TỆP (thử --help)</translation>
    </message>
    <message>
        <source>--out FILE is required (try --help)</source>
        <translation>bắt buộc phải có --out TỆP (thử --help)</translation>
    </message>
    <message>
        <source>--format: &apos;%1&apos; is not pdf or csv</source>
        <translation>--format: &apos;%1&apos; không phải là pdf hoặc csv</translation>
    </message>
    <message>
        <source>--tz: unknown time zone &apos;%1&apos; (an IANA name such as Europe/Berlin or Asia/Ho_Chi_Minh)</source>
        <translation>--tz: múi giờ không xác định &apos;%1&apos; (cần tên IANA như Europe/Berlin hoặc Asia/Ho_Chi_Minh)</translation>
    </message>
    <message>
        <source>--week: &apos;%1&apos; is not an ISO week like 2026-W47 (weeks 01 to 52, or 53 in a year that has one)</source>
        <translation>--week: &apos;%1&apos; không phải là tuần ISO dạng 2026-W47 (tuần 01 đến 52, hoặc 53 trong năm có tuần 53)</translation>
    </message>
    <message>
        <source>PDF output is not available in this program</source>
        <translation>Chương trình này không hỗ trợ xuất PDF</translation>
    </message>
    <message>
        <source>cannot build the report: %1</source>
        <translation>không thể tạo báo cáo: %1</translation>
    </message>
    <message>
        <source>wrote %1 (%2, %3 in %4: %5 meetings%6)</source>
        <translation>đã ghi %1 (%2, %3 theo %4: %5 cuộc họp%6)</translation>
    </message>
    <message>
        <source>, no data</source>
        <translation>, không có dữ liệu</translation>
    </message>
</context>
<context>
    <name>mm::RowClipboard</name>
    <message>
        <source>&amp;Copy rows</source>
        <translation>&amp;Sao chép các dòng</translation>
    </message>
    <message>
        <source>Copy the selected rows as tab-separated text</source>
        <translation>Sao chép các dòng đã chọn dưới dạng văn bản phân tách bằng tab</translation>
    </message>
</context>
<context>
    <name>mm::RulesEditorDialog</name>
    <message>
        <source> s</source>
        <translation> giây</translation>
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
        <translation> % người dùng</translation>
    </message>
    <message>
        <source>Excellent</source>
        <translation>Rất tốt</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Tốt</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Kém</translation>
    </message>
    <message>
        <source>Alert rules</source>
        <translation>Quy tắc cảnh báo</translation>
    </message>
    <message>
        <source>Custom (current rules)</source>
        <translation>Tùy chỉnh (quy tắc hiện tại)</translation>
    </message>
    <message>
        <source>Start from &amp;preset:</source>
        <translation>Bắt đầu từ &amp;mẫu có sẵn:</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Mức độ</translation>
    </message>
    <message>
        <source>Fires at</source>
        <translation>Kích hoạt ở mức</translation>
    </message>
    <message>
        <source>Clears at</source>
        <translation>Xóa ở mức</translation>
    </message>
    <message>
        <source>Fires after</source>
        <translation>Kích hoạt sau</translation>
    </message>
    <message>
        <source>Clears after</source>
        <translation>Xóa sau</translation>
    </message>
    <message>
        <source>Minimum users</source>
        <translation>Số người dùng tối thiểu</translation>
    </message>
    <message>
        <source>Fires at this level or worse</source>
        <translation>Kích hoạt ở mức này hoặc tệ hơn</translation>
    </message>
    <message>
        <source>Clears at this level or better</source>
        <translation>Xóa ở mức này hoặc tốt hơn</translation>
    </message>
    <message>
        <source>Fires above this value</source>
        <translation>Kích hoạt khi vượt giá trị này</translation>
    </message>
    <message>
        <source>Clears below this value (the gap avoids flapping)</source>
        <translation>Xóa khi dưới giá trị này (khoảng cách giúp tránh dao động bật/tắt liên tục)</translation>
    </message>
    <message>
        <source>no connection, or no data while meetings are active</source>
        <translation>không có kết nối, hoặc không có dữ liệu khi đang có cuộc họp hoạt động</translation>
    </message>
    <message>
        <source>At least this many users must be poor</source>
        <translation>Ít nhất từng này người dùng phải có kết nối kém</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Quy tắc</translation>
    </message>
    <message>
        <source>A resolved alert that fires again within this time reopens:</source>
        <translation>Cảnh báo đã xử lý mà kích hoạt lại trong khoảng thời gian này sẽ được mở lại:</translation>
    </message>
    <message>
        <source>A user silent this long has left (alerts end):</source>
        <translation>Người dùng im lặng lâu như vậy được coi là đã rời đi (cảnh báo kết thúc):</translation>
    </message>
    <message>
        <source>A gateway alert resolves after this long without repeats:</source>
        <translation>Cảnh báo gateway được coi là đã xử lý sau khoảng thời gian này nếu không lặp lại:</translation>
    </message>
    <message>
        <source>No data this long while meetings are active counts as gateway down (0: off):</source>
        <translation>Không có dữ liệu trong khoảng này khi đang có cuộc họp hoạt động được coi là gateway ngừng hoạt động (0: tắt):</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>&amp;Preview on history</source>
        <translation>&amp;Xem trước trên lịch sử</translation>
    </message>
    <message>
        <source>How many incidents would these rules have raised? Samples: %1.</source>
        <translation>Các quy tắc này sẽ tạo ra bao nhiêu sự cố? Mẫu: %1.</translation>
    </message>
    <message>
        <source>No history to preview on.</source>
        <translation>Không có lịch sử để xem trước.</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Cannot save: %1</source>
        <translation>Không thể lưu: %1</translation>
    </message>
    <message>
        <source>Preview failed: %1</source>
        <translation>Xem trước thất bại: %1</translation>
    </message>
    <message>
        <source>No samples in the history (%1) to preview on.</source>
        <translation>Không có mẫu nào trong lịch sử (%1) để xem trước.</translation>
    </message>
    <message numerus="yes">
        <source>Over %n sample(s) from %1 to %2 (%3), these rules would have raised:</source>
        <translation>
            <numerusform>Trên %n mẫu từ %1 đến %2 (%3), các quy tắc này sẽ tạo ra:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>  %1: %n incident(s)</source>
        <translation>
            <numerusform>  %1: %n sự cố</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n incident(s). Gateway down is not part of the preview.</source>
        <translation>
            <numerusform>Tổng cộng: %n sự cố. Trạng thái gateway ngừng hoạt động không nằm trong phần xem trước.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Cancel preview</source>
        <translation>&amp;Hủy xem trước</translation>
    </message>
    <message>
        <source>Replaying the last 7 days of history through these rules…</source>
        <translation>Đang phát lại lịch sử 7 ngày gần nhất qua các quy tắc này…</translation>
    </message>
    <message>
        <source>Preview cancelled.</source>
        <translation>Đã hủy xem trước.</translation>
    </message>
</context>
<context>
    <name>mm::SettingsDialog</name>
    <message>
        <source>(unnamed)</source>
        <translation>(chưa đặt tên)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>&amp;Connection profiles</source>
        <translation>&amp;Hồ sơ kết nối</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Lịch sử</translation>
    </message>
    <message>
        <source>N&amp;otifications</source>
        <translation>&amp;Thông báo</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Connection profiles</source>
        <translation>Hồ sơ kết nối</translation>
    </message>
    <message>
        <source>A&amp;dd</source>
        <translation>Thê&amp;m</translation>
    </message>
    <message>
        <source>Add a profile</source>
        <translation>Thêm hồ sơ</translation>
    </message>
    <message>
        <source>R&amp;emove</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Remove the selected profile</source>
        <translation>Xóa hồ sơ đã chọn</translation>
    </message>
    <message>
        <source>Allow &amp;unencrypted ws:// to another computer</source>
        <translation>Cho phép ws:// &amp;không mã hóa tới máy tính khác</translation>
    </message>
    <message>
        <source>wss://host:port (ws:// only to this computer)</source>
        <translation>wss://máy:cổng (ws:// chỉ tới chính máy tính này)</translation>
    </message>
    <message>
        <source>The system&apos;s certificate authorities</source>
        <translation>Các tổ chức cấp chứng chỉ (CA) của hệ thống</translation>
    </message>
    <message>
        <source>None: the token is kept in the system keychain</source>
        <translation>Không có: token được giữ trong kho khóa của hệ thống</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Du&amp;yệt…</translation>
    </message>
    <message>
        <source>Choose a CA file</source>
        <translation>Chọn tệp CA</translation>
    </message>
    <message>
        <source>Bro&amp;wse…</source>
        <translation>D&amp;uyệt…</translation>
    </message>
    <message>
        <source>Choose a token file</source>
        <translation>Chọn tệp token</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Tên:</translation>
    </message>
    <message>
        <source>&amp;Gateway URL:</source>
        <translation>URL &amp;gateway:</translation>
    </message>
    <message>
        <source>Socket.IO &amp;path:</source>
        <translation>Đường dẫ&amp;n Socket.IO:</translation>
    </message>
    <message>
        <source>Name&amp;space:</source>
        <translation>Name&amp;space:</translation>
    </message>
    <message>
        <source>C&amp;A file:</source>
        <translation>Tệp C&amp;A:</translation>
    </message>
    <message>
        <source>&amp;Token file:</source>
        <translation>Tệp t&amp;oken:</translation>
    </message>
    <message>
        <source>Tokens are never stored here: File › Connect asks for one and keeps it in the system keychain.</source>
        <translation>Token không bao giờ được lưu ở đây: Tệp › Kết nối sẽ hỏi token và giữ nó trong kho khóa của hệ thống.</translation>
    </message>
    <message>
        <source>History database</source>
        <translation>Cơ sở dữ liệu lịch sử</translation>
    </message>
    <message>
        <source>Choose the history database</source>
        <translation>Chọn cơ sở dữ liệu lịch sử</translation>
    </message>
    <message>
        <source>Raw samples retention in hours</source>
        <translation>Thời gian giữ mẫu thô, tính bằng giờ</translation>
    </message>
    <message>
        <source> h</source>
        <translation> giờ</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Vĩnh viễn</translation>
    </message>
    <message>
        <source>Per-minute summaries retention in days</source>
        <translation>Thời gian giữ bản tổng hợp theo phút, tính bằng ngày</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>Cơ sở &amp;dữ liệu:</translation>
    </message>
    <message>
        <source>Keep &amp;raw samples:</source>
        <translation>Giữ mẫu &amp;thô:</translation>
    </message>
    <message>
        <source>Keep per-&amp;minute summaries:</source>
        <translation>Giữ bản tổng hợp theo &amp;phút:</translation>
    </message>
    <message>
        <source>Empty: the application&apos;s data folder. Changes apply the next time Meeting Monitor starts.</source>
        <translation>Để trống: thư mục dữ liệu của ứng dụng. Thay đổi có hiệu lực vào lần khởi động Meeting Monitor tiếp theo.</translation>
    </message>
    <message>
        <source>Show &amp;desktop notifications for alerts</source>
        <translation>Hiện thông báo trên &amp;màn hình khi có cảnh báo</translation>
    </message>
    <message>
        <source>Reminder interval in minutes</source>
        <translation>Khoảng thời gian nhắc lại, tính bằng phút</translation>
    </message>
    <message>
        <source> min</source>
        <translation> phút</translation>
    </message>
    <message>
        <source>&amp;Remind of an unacknowledged alert every:</source>
        <translation>&amp;Nhắc lại cảnh báo chưa được xác nhận sau mỗi:</translation>
    </message>
    <message>
        <source>Without notifications, alerts still show in the Alerts panel, the tray icon and the banner.</source>
        <translation>Khi không có thông báo, cảnh báo vẫn hiển thị trong bảng Cảnh báo, biểu tượng khay hệ thống và thanh cảnh báo.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Ngôn ngữ hệ thống</translation>
    </message>
    <message>
        <source>Lan&amp;guage:</source>
        <translation>N&amp;gôn ngữ:</translation>
    </message>
    <message>
        <source>Applies the next time Meeting Monitor starts.</source>
        <translation>Có hiệu lực vào lần khởi động Meeting Monitor tiếp theo.</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>Hồ sơ mới</translation>
    </message>
    <message>
        <source>New profile %1</source>
        <translation>Hồ sơ mới %1</translation>
    </message>
    <message>
        <source>Choose the gateway&apos;s CA certificate</source>
        <translation>Chọn chứng chỉ CA của gateway</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer *.der);;All files (*)</source>
        <translation>Chứng chỉ (*.pem *.crt *.cer *.der);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>Choose the token file</source>
        <translation>Chọn tệp token</translation>
    </message>
    <message>
        <source>SQLite databases (*.sqlite *.db);;All files (*)</source>
        <translation>Cơ sở dữ liệu SQLite (*.sqlite *.db);;Tất cả tệp (*)</translation>
    </message>
    <message>
        <source>%1: another profile has the same name.</source>
        <translation>%1: một hồ sơ khác có cùng tên.</translation>
    </message>
    <message>
        <source>%1 (invalid)</source>
        <translation>%1 (không hợp lệ)</translation>
    </message>
    <message>
        <source>Profile &quot;%1&quot;: %2</source>
        <translation>Hồ sơ &quot;%1&quot;: %2</translation>
    </message>
    <message>
        <source>History database: %1 is a folder; name a file.</source>
        <translation>Cơ sở dữ liệu lịch sử: %1 là một thư mục; hãy chỉ định một tệp.</translation>
    </message>
    <message>
        <source>History database: the folder %1 does not exist.</source>
        <translation>Cơ sở dữ liệu lịch sử: thư mục %1 không tồn tại.</translation>
    </message>
</context>
<context>
    <name>mm::SocketIoClient</name>
    <message>
        <source>Not connected</source>
        <translation>Chưa kết nối</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Đang kết nối</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Đã kết nối</translation>
    </message>
    <message>
        <source>Waiting to reconnect</source>
        <translation>Đang chờ kết nối lại</translation>
    </message>
    <message>
        <source>Refused by the gateway</source>
        <translation>Bị gateway từ chối</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Không rõ</translation>
    </message>
    <message>
        <source>binary frame</source>
        <translation>khung nhị phân</translation>
    </message>
    <message>
        <source>unknown packet type</source>
        <translation>loại gói không xác định</translation>
    </message>
    <message>
        <source>packet for another namespace</source>
        <translation>gói dành cho namespace khác</translation>
    </message>
    <message>
        <source>frame over the size limit</source>
        <translation>khung vượt quá giới hạn kích thước</translation>
    </message>
    <message>
        <source>malformed packet</source>
        <translation>gói sai định dạng</translation>
    </message>
    <message>
        <source>unknown reason</source>
        <translation>lý do không xác định</translation>
    </message>
    <message>
        <source>The namespace must not contain a comma.</source>
        <translation>Namespace không được chứa dấu phẩy.</translation>
    </message>
    <message>
        <source>transport closed (code %1)</source>
        <translation>kênh truyền đã đóng (mã %1)</translation>
    </message>
    <message>
        <source>transport error: %1</source>
        <translation>lỗi kênh truyền: %1</translation>
    </message>
    <message>
        <source>the gateway closed the session</source>
        <translation>gateway đã đóng phiên</translation>
    </message>
    <message>
        <source>timed out waiting for the gateway&apos;s handshake</source>
        <translation>hết thời gian chờ bắt tay từ gateway</translation>
    </message>
    <message>
        <source>timed out waiting for the namespace to accept us</source>
        <translation>hết thời gian chờ namespace chấp nhận kết nối</translation>
    </message>
    <message>
        <source>ping timeout</source>
        <translation>hết thời gian chờ ping</translation>
    </message>
    <message>
        <source>invalid handshake from the gateway: %1</source>
        <translation>gói bắt tay không hợp lệ từ gateway: %1</translation>
    </message>
    <message>
        <source>The gateway refused the connection without a reason.</source>
        <translation>Gateway đã từ chối kết nối mà không nêu lý do.</translation>
    </message>
    <message>
        <source>The gateway closed the connection right after accepting it (the token was probably refused).</source>
        <translation>Gateway đã đóng kết nối ngay sau khi chấp nhận (có thể token đã bị từ chối).</translation>
    </message>
    <message>
        <source>the gateway disconnected us</source>
        <translation>gateway đã ngắt kết nối với chúng ta</translation>
    </message>
    <message>
        <source>CA file %1: %2</source>
        <translation>Tệp CA %1: %2</translation>
    </message>
    <message>
        <source>CA file %1: larger than 4 MiB.</source>
        <translation>Tệp CA %1: lớn hơn 4 MiB.</translation>
    </message>
    <message>
        <source>CA file %1: no PEM or DER certificate in it.</source>
        <translation>Tệp CA %1: không chứa chứng chỉ PEM hoặc DER nào.</translation>
    </message>
    <message>
        <source>TLS handshake failed: %1</source>
        <translation>Bắt tay TLS thất bại: %1</translation>
    </message>
    <message>
        <source>TLS certificate rejected: %1</source>
        <translation>Chứng chỉ TLS bị từ chối: %1</translation>
    </message>
    <message>
        <source>unknown certificate error</source>
        <translation>lỗi chứng chỉ không xác định</translation>
    </message>
</context>
<context>
    <name>mm::TimeWindowBar</name>
    <message>
        <source>Live</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>1 h</source>
        <translation>1 giờ</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 giờ</translation>
    </message>
    <message>
        <source>7 d</source>
        <translation>7 ngày</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tùy chỉnh</translation>
    </message>
    <message>
        <source>The last five minutes from memory, scrolling</source>
        <translation>Năm phút gần nhất từ bộ nhớ, cuộn liên tục</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Hiển thị</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Đặt lại thu phóng</translation>
    </message>
    <message>
        <source>Drag across a chart to zoom into that time</source>
        <translation>Kéo ngang biểu đồ để phóng to khoảng thời gian đó</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Tạm dừng</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Theo dõi trực tiếp</translation>
    </message>
    <message>
        <source>Stop moving with time</source>
        <translation>Ngừng di chuyển theo thời gian</translation>
    </message>
    <message>
        <source>Move with time again</source>
        <translation>Di chuyển theo thời gian trở lại</translation>
    </message>
</context>
<context>
    <name>mm::TokenCommand</name>
    <message>
        <source>Cannot read the token file %1: %2</source>
        <translation>Không thể đọc tệp token %1: %2</translation>
    </message>
    <message>
        <source>Cannot use the token file %1: larger than 64 KiB.</source>
        <translation>Không thể dùng tệp token %1: lớn hơn 64 KiB.</translation>
    </message>
    <message>
        <source>The token file %1 is empty.</source>
        <translation>Tệp token %1 trống.</translation>
    </message>
    <message>
        <source>Keep the gateway&apos;s admin token in the system keychain.
  token set --gateway URL    read the token from the first line of standard input and store it
  token clear --gateway URL  remove the stored token
Exit codes: 0 done, 1 keychain error, 2 usage error.</source>
        <translation>Lưu token quản trị của gateway trong kho khóa của hệ thống.
  token set --gateway URL    đọc token từ dòng đầu tiên của đầu vào chuẩn và lưu lại
  token clear --gateway URL  xóa token đã lưu
Mã thoát: 0 hoàn tất, 1 lỗi kho khóa, 2 lỗi cách dùng.</translation>
    </message>
    <message>
        <source>Show this help.</source>
        <translation>Hiển thị trợ giúp này.</translation>
    </message>
    <message>
        <source>The gateway URL the token is for.</source>
        <translation>URL gateway mà token dành cho.</translation>
    </message>
    <message>
        <source>set or clear</source>
        <translation>set hoặc clear</translation>
    </message>
    <message>
        <source> (try --help)</source>
        <translation> (thử --help)</translation>
    </message>
    <message>
        <source>Expected &apos;token set --gateway URL&apos; or &apos;token clear --gateway URL&apos; (try --help).</source>
        <translation>Cần &apos;token set --gateway URL&apos; hoặc &apos;token clear --gateway URL&apos; (thử --help).</translation>
    </message>
    <message>
        <source>--gateway URL is required (try --help).</source>
        <translation>Bắt buộc phải có --gateway URL (thử --help).</translation>
    </message>
    <message>
        <source>--gateway &apos;%1&apos;: %2</source>
        <translation>--gateway &apos;%1&apos;: %2</translation>
    </message>
    <message>
        <source>No token was stored for %1.</source>
        <translation>Không có token nào được lưu cho %1.</translation>
    </message>
    <message>
        <source>Cannot remove the token for %1: %2</source>
        <translation>Không thể xóa token cho %1: %2</translation>
    </message>
    <message>
        <source>The token for %1 was removed from the keychain.</source>
        <translation>Đã xóa token cho %1 khỏi kho khóa.</translation>
    </message>
    <message>
        <source>The token on standard input is longer than 64 KiB.</source>
        <translation>Token trên đầu vào chuẩn dài hơn 64 KiB.</translation>
    </message>
    <message>
        <source>No token on standard input: pass it as the first line.</source>
        <translation>Không có token trên đầu vào chuẩn: hãy truyền token ở dòng đầu tiên.</translation>
    </message>
    <message>
        <source>The token on standard input contains control characters.</source>
        <translation>Token trên đầu vào chuẩn chứa ký tự điều khiển.</translation>
    </message>
    <message>
        <source>The token for %1 is stored in the keychain.</source>
        <translation>Token cho %1 đã được lưu trong kho khóa.</translation>
    </message>
    <message>
        <source>The token for %1 is kept in memory only.</source>
        <translation>Token cho %1 chỉ được giữ trong bộ nhớ.</translation>
    </message>
    <message>
        <source>No keychain available: the token was not stored. The recorder can take it from --token-file or MEETING_MONITOR_TOKEN.</source>
        <translation>Không có kho khóa: token chưa được lưu. Bộ ghi có thể lấy token từ --token-file hoặc MEETING_MONITOR_TOKEN.</translation>
    </message>
    <message>
        <source>Cannot store the token for %1: %2</source>
        <translation>Không thể lưu token cho %1: %2</translation>
    </message>
    <message>
        <source>token from the file %1</source>
        <translation>token từ tệp %1</translation>
    </message>
    <message>
        <source>token from MEETING_MONITOR_TOKEN</source>
        <translation>token từ MEETING_MONITOR_TOKEN</translation>
    </message>
    <message>
        <source>no token: the gateway URL has no host</source>
        <translation>không có token: URL gateway không có máy chủ</translation>
    </message>
    <message>
        <source>token from the keychain for %1</source>
        <translation>token từ kho khóa cho %1</translation>
    </message>
    <message>
        <source>no token in the keychain for %1; connecting without one</source>
        <translation>không có token trong kho khóa cho %1; kết nối không dùng token</translation>
    </message>
    <message>
        <source>no keychain available; connecting without a token (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation>không có kho khóa; kết nối không dùng token (dùng --token-file hoặc MEETING_MONITOR_TOKEN)</translation>
    </message>
    <message>
        <source>cannot read the token for %1 from the keychain: %2 (use --token-file or MEETING_MONITOR_TOKEN)</source>
        <translation>không thể đọc token cho %1 từ kho khóa: %2 (dùng --token-file hoặc MEETING_MONITOR_TOKEN)</translation>
    </message>
    <message>
        <source>Token for %1 (not shown): </source>
        <translation>Token cho %1 (không hiển thị): </translation>
    </message>
</context>
<context>
    <name>mm::TokenStore</name>
    <message>
        <source>The keyring is locked: unlock it (for example by logging in to the desktop session) and try again. The token was not changed.</source>
        <translation>Kho khóa đang bị khóa: hãy mở khóa (ví dụ bằng cách đăng nhập vào phiên làm việc trên máy tính) rồi thử lại. Token không bị thay đổi.</translation>
    </message>
    <message>
        <source>No token is stored for %1.</source>
        <translation>Không có token nào được lưu cho %1.</translation>
    </message>
    <message>
        <source>The keychain refused access: %1</source>
        <translation>Kho khóa đã từ chối truy cập: %1</translation>
    </message>
    <message>
        <source>Access to the keychain was denied.</source>
        <translation>Quyền truy cập kho khóa bị từ chối.</translation>
    </message>
    <message>
        <source>No token is kept for %1 in this session.</source>
        <translation>Không có token nào được giữ cho %1 trong phiên này.</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>không tìm thấy</translation>
    </message>
    <message>
        <source>keyring locked</source>
        <translation>kho khóa đang bị khóa</translation>
    </message>
    <message>
        <source>no keychain available</source>
        <translation>không có kho khóa</translation>
    </message>
    <message>
        <source>keychain timed out</source>
        <translation>kho khóa hết thời gian chờ</translation>
    </message>
    <message>
        <source>keychain error</source>
        <translation>lỗi kho khóa</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>không rõ</translation>
    </message>
    <message>
        <source>The keychain did not answer within %1 s.</source>
        <translation>Kho khóa không phản hồi trong vòng %1 giây.</translation>
    </message>
    <message>
        <source>No keychain available: the token will be kept in memory for this session only.</source>
        <translation>Không có kho khóa: token sẽ chỉ được giữ trong bộ nhớ cho phiên này.</translation>
    </message>
</context>
<context>
    <name>mm::TrayIcon</name>
    <message>
        <source>Hide window</source>
        <translation>Ẩn cửa sổ</translation>
    </message>
    <message>
        <source>Mute notifications for 1 hour</source>
        <translation>Tắt thông báo trong 1 giờ</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Meeting Monitor</source>
        <translation>Meeting Monitor</translation>
    </message>
    <message>
        <source>No active alerts</source>
        <translation>Không có cảnh báo đang hoạt động</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 firing</source>
        <translation>
            <numerusform>%n cảnh báo đang hoạt động, %1 đang kích hoạt</numerusform>
        </translation>
    </message>
    <message>
        <source>Notifications muted</source>
        <translation>Đã tắt thông báo</translation>
    </message>
    <message>
        <source>Show window</source>
        <translation>Hiện cửa sổ</translation>
    </message>
</context>
<context>
    <name>mm::TreeItemDelegate</name>
    <message>
        <source>%1
User id: %2
Meeting id: %3</source>
        <translation>%1
Mã người dùng: %2
Mã cuộc họp: %3</translation>
    </message>
    <message>
        <source>%1
Meeting id: %2</source>
        <translation>%1
Mã cuộc họp: %2</translation>
    </message>
</context>
<context>
    <name>mm::UserChartView</name>
    <message>
        <source>Bandwidth (kbps)</source>
        <translation>Băng thông (kbps)</translation>
    </message>
    <message>
        <source>Latency and jitter (ms)</source>
        <translation>Độ trễ và jitter (ms)</translation>
    </message>
    <message>
        <source>Packet loss (%)</source>
        <translation>Mất gói (%)</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>Không hoạt động</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Chất lượng</translation>
    </message>
    <message>
        <source>Select a user to see their history.</source>
        <translation>Chọn một người dùng để xem lịch sử của họ.</translation>
    </message>
    <message>
        <source>User %1 in meeting %2</source>
        <translation>Người dùng %1 trong cuộc họp %2</translation>
    </message>
    <message>
        <source>%1 — user %2 in meeting %3</source>
        <translation>%1 — người dùng %2 trong cuộc họp %3</translation>
    </message>
    <message>
        <source>per-minute rollups: lines show min and max</source>
        <translation>tổng hợp theo phút: các đường thể hiện giá trị nhỏ nhất và lớn nhất</translation>
    </message>
    <message>
        <source>raw 1 s samples</source>
        <translation>mẫu thô 1 giây</translation>
    </message>
    <message>
        <source>inactive</source>
        <translation>không hoạt động</translation>
    </message>
    <message>
        <source>No data in this window.</source>
        <translation>Không có dữ liệu trong khoảng thời gian này.</translation>
    </message>
    <message>
        <source>No data (inactive)</source>
        <translation>Không có dữ liệu (không hoạt động)</translation>
    </message>
    <message>
        <source>%1 (one-minute rollup)</source>
        <translation>%1 (tổng hợp một phút)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source> (mean; min %1, max %2)</source>
        <translation> (trung bình; nhỏ nhất %1, lớn nhất %2)</translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation>Chất lượng: %1</translation>
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
        <translation>%1 phút</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 giờ %2 phút</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 điểm %</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Tóm tắt</translation>
    </message>
    <message>
        <source>Quality and latency by day</source>
        <translation>Chất lượng và độ trễ theo ngày</translation>
    </message>
    <message>
        <source>Meetings with the most poor time</source>
        <translation>Cuộc họp có nhiều thời gian kết nối kém nhất</translation>
    </message>
    <message>
        <source>Users with the most poor time</source>
        <translation>Người dùng có nhiều thời gian kết nối kém nhất</translation>
    </message>
    <message>
        <source>Alert incidents</source>
        <translation>Sự cố cảnh báo</translation>
    </message>
    <message>
        <source>Meeting quality report</source>
        <translation>Báo cáo chất lượng cuộc họp</translation>
    </message>
    <message>
        <source>Week %1</source>
        <translation>Tuần %1</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>không được ghi lại</translation>
    </message>
    <message>
        <source>Gateway: %1</source>
        <translation>Gateway: %1</translation>
    </message>
    <message>
        <source>Period: %1 to %2</source>
        <translation>Thời gian: từ %1 đến %2</translation>
    </message>
    <message>
        <source>Time zone: %1 (UTC%2 at the start of the week)</source>
        <translation>Múi giờ: %1 (UTC%2 vào đầu tuần)</translation>
    </message>
    <message>
        <source>Generated: %1</source>
        <translation>Tạo lúc: %1</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Mục lục</translation>
    </message>
    <message>
        <source>No data: nothing was recorded in this week.</source>
        <translation>Không có dữ liệu: không có gì được ghi lại trong tuần này.</translation>
    </message>
    <message>
        <source>Meetings held</source>
        <translation>Số cuộc họp đã diễn ra</translation>
    </message>
    <message>
        <source>Distinct users</source>
        <translation>Số người dùng khác nhau</translation>
    </message>
    <message>
        <source>Participant-hours</source>
        <translation>Giờ tham gia</translation>
    </message>
    <message>
        <source>Time with unknown quality</source>
        <translation>Thời gian có chất lượng không rõ</translation>
    </message>
    <message>
        <source>Time at %1 quality</source>
        <translation>Thời gian có chất lượng %1</translation>
    </message>
    <message>
        <source>Latency p50</source>
        <translation>Độ trễ p50</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>Latency p95</source>
        <translation>Độ trễ p95</translation>
    </message>
    <message>
        <source>Mean packet loss</source>
        <translation>Mất gói trung bình</translation>
    </message>
    <message>
        <source>Warning incidents</source>
        <translation>Sự cố mức cảnh báo</translation>
    </message>
    <message>
        <source>Critical incidents</source>
        <translation>Sự cố mức khẩn cấp</translation>
    </message>
    <message>
        <source>Time with a critical alert firing</source>
        <translation>Thời gian có cảnh báo khẩn cấp đang kích hoạt</translation>
    </message>
    <message>
        <source>min</source>
        <translation>phút</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Chỉ số</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Tuần này</translation>
    </message>
    <message>
        <source>Previous week</source>
        <translation>Tuần trước</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>Shares are of participant-time (one participant for one second counts one second); time with unknown quality is in the total. Latency percentiles come from per-minute histograms (within 4 %). Incidents are counted in the week they fired.</source>
        <translation>Tỷ lệ được tính trên thời gian tham gia (một người tham gia trong một giây được tính là một giây); thời gian có chất lượng không rõ được tính vào tổng. Các phân vị độ trễ được tính từ biểu đồ tần suất theo phút (sai số trong khoảng 4 %). Sự cố được tính vào tuần mà chúng kích hoạt.</translation>
    </message>
    <message>
        <source>Share of participant-time by quality (%)</source>
        <translation>Tỷ lệ thời gian tham gia theo chất lượng (%)</translation>
    </message>
    <message>
        <source>Latency p95 by day (ms)</source>
        <translation>Độ trễ p95 theo ngày (ms)</translation>
    </message>
    <message>
        <source>p95 latency</source>
        <translation>Độ trễ p95</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>No meeting had poor time this week.</source>
        <translation>Tuần này không có cuộc họp nào có thời gian kết nối kém.</translation>
    </message>
    <message>
        <source>No user had poor time this week.</source>
        <translation>Tuần này không có người dùng nào có thời gian kết nối kém.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(không có tên)</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Meeting (name, id)</source>
        <translation>Cuộc họp (tên, mã)</translation>
    </message>
    <message>
        <source>User (name, id)</source>
        <translation>Người dùng (tên, mã)</translation>
    </message>
    <message>
        <source>Poor time</source>
        <translation>Thời gian kém</translation>
    </message>
    <message>
        <source>Mean loss</source>
        <translation>Mất gói trung bình</translation>
    </message>
    <message>
        <source>Incidents</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Số giờ</translation>
    </message>
    <message numerus="yes">
        <source>Ranked by share of poor time among those with at least %n minute(s) of participant-time and some poor time. Hours are participant-hours.</source>
        <translation>
            <numerusform>Xếp hạng theo tỷ lệ thời gian kết nối kém, trong số những mục có ít nhất %n phút thời gian tham gia và có thời gian kết nối kém. Số giờ là giờ tham gia.</numerusform>
        </translation>
    </message>
    <message>
        <source>Time with a critical alert firing: %1 (previous week: %2)</source>
        <translation>Thời gian có cảnh báo khẩn cấp đang kích hoạt: %1 (tuần trước: %2)</translation>
    </message>
    <message>
        <source>No alert fired in this week or the previous one.</source>
        <translation>Không có cảnh báo nào kích hoạt trong tuần này hoặc tuần trước.</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Mọi loại</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Khẩn cấp</translation>
    </message>
    <message>
        <source>Warning, prev.</source>
        <translation>Cảnh báo, tuần trước</translation>
    </message>
    <message>
        <source>Critical, prev.</source>
        <translation>Khẩn cấp, tuần trước</translation>
    </message>
    <message>
        <source>Meeting quality report %1</source>
        <translation>Báo cáo chất lượng cuộc họp %1</translation>
    </message>
    <message>
        <source>Meeting quality report %1 · page %2 of %3</source>
        <translation>Báo cáo chất lượng cuộc họp %1 · trang %2/%3</translation>
    </message>
</context>
<context>
    <name>mm::ZoomableChartView</name>
    <message>
        <source>Save chart as…</source>
        <translation>Lưu biểu đồ thành…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image or a PDF (vector) file</source>
        <translation>Lưu biểu đồ này thành ảnh PNG hoặc tệp PDF (vector)</translation>
    </message>
    <message>
        <source>The chart has no size.</source>
        <translation>Biểu đồ không có kích thước.</translation>
    </message>
    <message>
        <source>Cannot start the PDF.</source>
        <translation>Không thể bắt đầu tạo tệp PDF.</translation>
    </message>
    <message>
        <source>Cannot encode the image.</source>
        <translation>Không thể mã hóa ảnh.</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>Ảnh PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save chart as</source>
        <translation>Lưu biểu đồ thành</translation>
    </message>
    <message>
        <source>chart.png</source>
        <translation>chart.png</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Lưu biểu đồ</translation>
    </message>
    <message>
        <source>The chart could not be saved to %1:
%2</source>
        <translation>Không thể lưu biểu đồ vào %1:
%2</translation>
    </message>
</context>
</TS>

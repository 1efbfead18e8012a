#include "fleetsimulator.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <limits>
#include <random>

namespace mm {

namespace {

constexpr qint64 Never = std::numeric_limits<qint64>::max();

// splitmix64: derives independent, well-mixed seeds for every slot, meeting
// and user from the one configured seed, so each user's stream depends only
// on the seed and on its own position, not on how the caller slices time.
quint64 mixSeed(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// Own distributions instead of <random>'s: those are implementation-defined,
// and the same seed should give the same fleet with any standard library.
class Rng
{
public:
    explicit Rng(quint64 seed = 0) : m_engine(seed) {}
    quint64 next() { return m_engine(); }
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; } // [0, 1)
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    int uniformInt(int lo, int hi) // inclusive
    {
        if (hi <= lo)
            return lo;
        return lo + int(m_engine() % quint64(hi - lo + 1));
    }
    bool chance(double p) { return uniform() < p; }
    double normal() // Box-Muller; one value per call keeps the state simple
    {
        const double u1 = 1.0 - uniform(); // (0, 1]
        const double u2 = uniform();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }

private:
    std::mt19937_64 m_engine;
};

struct ProfileParams
{
    NetworkProfile profile;
    double weight;
    double latMin, latMax;       // ms, the user's typical RTT
    double jitMin, jitMax;       // ms
    double lossMin, lossMax;     // %
    double capMin, capMax;       // kbps, uplink capacity
    double spikeFactor;          // how much more often latency spikes hit
};

// Ranges from common experience with WebRTC over these links; satellite
// covers both LEO (lower end) and GEO-like (upper end) remote sites.
constexpr std::array<ProfileParams, 4> Profiles{{
    {NetworkProfile::Fibre, 0.35, 8, 35, 0.5, 4, 0.0, 0.3, 5000, 20000, 0.5},
    {NetworkProfile::OfficeWifi, 0.35, 25, 80, 3, 15, 0.1, 1.2, 2000, 8000, 1.0},
    {NetworkProfile::Cellular4G, 0.20, 50, 140, 8, 35, 0.4, 2.5, 800, 4000, 1.5},
    {NetworkProfile::Satellite, 0.10, 180, 620, 15, 60, 1.0, 4.0, 400, 2000, 2.0},
}};

constexpr std::array<std::string_view, 24> MeetingNames{
    "Họp giao ban phòng Kỹ thuật",
    "Đào tạo nhân viên mới",
    "Họp dự án Sao Mai",
    "Phỏng vấn ứng viên — Backend",
    "Sprint review: Thanh toán",
    "Weekly sync — Growth",
    "Daily stand-up Mobile",
    "Họp hội đồng quản trị Quý 3",
    "Tư vấn khách hàng Hà Nội",
    "Lớp tiếng Anh giao tiếp",
    "Demo sản phẩm cho đối tác Nhật",
    "All-hands tháng Mười",
    "Retrospective — Nền tảng",
    "Họp phụ huynh lớp 5A",
    "Design critique",
    "Incident review: Cổng thanh toán",
    "Kế hoạch marketing Tết",
    "Onboarding: Đội Hỗ trợ",
    "1:1 Minh ↔ Lan",
    "Khám từ xa — Phòng khám Đa khoa",
    "Board meeting (EMEA)",
    "Báo cáo doanh số miền Trung",
    "Customer call: Müller & Söhne",
    "Seminar \"Kiến trúc P2P\"",
};

constexpr std::array<std::string_view, 16> FamilyNames{
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ",
    "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
constexpr std::array<std::string_view, 10> MiddleNames{
    "Văn", "Thị", "Minh", "Hữu", "Thanh", "Ngọc", "Đức", "Quốc", "Thu", "Gia"};
constexpr std::array<std::string_view, 28> GivenNames{
    "An", "Bình", "Châu", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa",
    "Hùng", "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Ngân", "Phúc", "Phương",
    "Quân", "Quỳnh", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Yến"};
constexpr std::array<std::string_view, 10> OtherNames{
    "alice.nguyen", "Bob Smith", "Carlos Méndez", "Sophie Müller", "Akira Tanaka",
    "priya.k", "Jean-Luc Martin", "O'Brien, Siobhán", "Zoë Lefèvre", "dev-ops bot"};

template <size_t N>
std::string_view pick(Rng &rng, const std::array<std::string_view, N> &list)
{
    return list[size_t(rng.next() % N)];
}

std::string hexId(std::string_view prefix, Rng &rng, int digits)
{
    static constexpr char Hex[] = "0123456789abcdef";
    std::string id(prefix);
    quint64 bits = rng.next();
    for (int i = 0; i < digits; ++i, bits >>= 4)
        id += Hex[bits & 0xF];
    return id;
}

const ProfileParams &pickProfile(Rng &rng)
{
    double r = rng.uniform();
    for (const auto &p : Profiles) {
        if (r < p.weight)
            return p;
        r -= p.weight;
    }
    return Profiles.back();
}

double roundTo(double v, double scale) { return std::round(v * scale) / scale; }

// Shortest fixed text with up to `decimals` decimals, as JavaScript would
// print the rounded number ("412.3", "1500", "0.25").
void appendNumber(std::string &out, double v, int decimals)
{
    char buf[48];
    auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
    char *end = res.ptr;
    if (decimals > 0) {
        while (end > buf && end[-1] == '0')
            --end;
        if (end > buf && end[-1] == '.')
            --end;
    }
    if (end - buf == 2 && buf[0] == '-' && buf[1] == '0')
        out += '0'; // no "-0" from rounding a tiny negative
    else
        out.append(buf, size_t(end - buf));
}

void appendInt(std::string &out, qint64 v)
{
    char buf[24];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, size_t(res.ptr - buf));
}

} // namespace

void appendJsonEscaped(std::string &out, std::string_view text)
{
    static constexpr char Hex[] = "0123456789abcdef";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (u < 0x20) {
                out += "\\u00";
                out += Hex[u >> 4];
                out += Hex[u & 0xF];
            } else {
                out += c;
            }
        }
    }
}

void appendIsoTimestamp(std::string &out, qint64 epochMs)
{
    // Howard Hinnant's civil_from_days: no time zone database, no allocation.
    qint64 days = epochMs >= 0 ? epochMs / 86400000 : (epochMs - 86399999) / 86400000;
    qint64 msOfDay = epochMs - days * 86400000;
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const unsigned doe = unsigned(days - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    qint64 year = qint64(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned day = doy - (153 * mp + 2) / 5 + 1;
    const unsigned month = mp < 10 ? mp + 3 : mp - 9;
    if (month <= 2)
        ++year;

    char buf[32];
    auto put = [&buf](int pos, unsigned value, int width) {
        for (int i = width - 1; i >= 0; --i, value /= 10)
            buf[pos + i] = char('0' + value % 10);
    };
    put(0, unsigned(std::clamp<qint64>(year, 0, 9999)), 4);
    buf[4] = '-';
    put(5, month, 2);
    buf[7] = '-';
    put(8, day, 2);
    buf[10] = 'T';
    put(11, unsigned(msOfDay / 3600000), 2);
    buf[13] = ':';
    put(14, unsigned(msOfDay / 60000 % 60), 2);
    buf[16] = ':';
    put(17, unsigned(msOfDay / 1000 % 60), 2);
    buf[19] = '.';
    put(20, unsigned(msOfDay % 1000), 3);
    buf[23] = 'Z';
    out.append(buf, 24);
}

struct SimUser
{
    std::string id;
    std::string metricsPrefix; // `{"meetingId":..,"userId":..,"metrics":{` + constant fields
    std::string alertsPrefix;  // `{"meetingId":..,"userId":..,"alerts":[`
    std::string messageUser;   // `User <id> has ` already JSON-escaped
    Rng rng;
    const ProfileParams *profile = nullptr;
    bool userMetricsShape = true;
    bool numericStrings = false; // a client that sends "12.5" instead of 12.5
    bool epochTimestamp = false;

    // The user's typical link (the walk's centre) and where it is now.
    double baseLatency = 0, baseJitter = 0, baseLoss = 0;
    double latency = 0, jitter = 0, loss = 0;
    double upPerPeer = 0, downPerPeer = 0, targetPerPeer = 0, uplinkCap = 0;

    double nextDueMs = 0;
    qint64 spikeUntil = 0;
    double spikeExtra = 0;
    qint64 burstUntil = 0;
    double burstExtra = 0;
    qint64 droppedUntil = 0;
    bool dropped = false;
};

struct SimMeeting
{
    Rng rng;      // lifecycle draws for this slot, in event order
    int generation = -1;
    bool running = false;
    qint64 startMs = 0;
    qint64 endMs = Never;
    qint64 nextStartMs = 0;
    std::string id;
    std::string name;
    std::vector<SimUser> users;
    int fixedUsers = 0; // > 0 in totalUsers mode
};

struct FleetState
{
    bool started = false;
    qint64 originMs = 0;
    qint64 lastStepMs = 0;
    double periodMs = 1000.0;
    std::vector<SimMeeting> meetings;
    FleetStats stats;
    std::string metricsBuf;
    std::string alertsBuf;
    std::string numberBuf;
};

namespace {

// Already formatted number text, quoted for clients that send numeric
// strings.
void appendText(std::string &out, std::string_view text, bool asString)
{
    if (asString)
        out += '"';
    out += text;
    if (asString)
        out += '"';
}

void appendValue(std::string &out, double v, int decimals, bool asString)
{
    if (!asString)
        return appendNumber(out, v, decimals);
    out += '"';
    appendNumber(out, v, decimals);
    out += '"';
}

void buildUser(SimMeeting &meeting, SimUser &user, int peers, double periodMs,
               qint64 firstPossibleMs)
{
    Rng &rng = user.rng;
    user.id = hexId("usr-", rng, 10);
    std::string username;
    if (rng.chance(0.75)) {
        username.append(pick(rng, FamilyNames)).append(" ");
        username.append(pick(rng, MiddleNames)).append(" ");
        username.append(pick(rng, GivenNames));
    } else {
        username.append(pick(rng, OtherNames));
    }
    user.profile = &pickProfile(rng);
    user.userMetricsShape = rng.chance(0.5);
    user.numericStrings = rng.chance(0.08);
    user.epochTimestamp = user.userMetricsShape && rng.chance(0.15);

    const ProfileParams &p = *user.profile;
    user.baseLatency = rng.uniform(p.latMin, p.latMax);
    user.baseJitter = rng.uniform(p.jitMin, p.jitMax);
    user.baseLoss = rng.uniform(p.lossMin, p.lossMax);
    user.uplinkCap = rng.uniform(p.capMin, p.capMax);
    // Per-peer video+audio bitrate a browser aims for in a mesh call.
    user.targetPerPeer = rng.uniform(600, 1600);
    user.latency = user.baseLatency;
    user.jitter = user.baseJitter;
    user.loss = user.baseLoss;
    user.upPerPeer = std::min(user.targetPerPeer, user.uplinkCap / std::max(1, peers));
    user.downPerPeer = user.targetPerPeer * rng.uniform(0.8, 1.1);
    // A random phase spreads the fleet's load evenly over each period.
    user.nextDueMs = double(firstPossibleMs) + periodMs * rng.uniform(0.01, 0.99);

    std::string &m = user.metricsPrefix;
    m.reserve(256);
    m += "{\"meetingId\":\"";
    appendJsonEscaped(m, meeting.id);
    m += "\",\"userId\":\"";
    appendJsonEscaped(m, user.id);
    m += "\",\"metrics\":{";
    if (user.userMetricsShape) {
        m += "\"userId\":\"";
        appendJsonEscaped(m, user.id);
        m += "\",\"username\":\"";
        appendJsonEscaped(m, username);
        m += "\",\"meetingId\":\"";
        appendJsonEscaped(m, meeting.id);
        m += "\",\"meetingName\":\"";
        appendJsonEscaped(m, meeting.name);
        m += "\",";
    }
    std::string &a = user.alertsPrefix;
    a += "{\"meetingId\":\"";
    appendJsonEscaped(a, meeting.id);
    a += "\",\"userId\":\"";
    appendJsonEscaped(a, user.id);
    a += "\",\"alerts\":[";
    user.messageUser = "User ";
    appendJsonEscaped(user.messageUser, user.id);
    user.messageUser += " has ";
}

void startMeeting(const FleetConfig &config, FleetState &state, SimMeeting &meeting, qint64 startMs,
                  qint64 firstSampleMs, bool initial)
{
    ++meeting.generation;
    Rng &rng = meeting.rng;
    meeting.running = true;
    const double duration =
        rng.uniform(config.meetingMinSeconds, std::max(config.meetingMinSeconds, config.meetingMaxSeconds)) *
        1000.0;
    // The fleet starts mid-day: initial meetings are already under way, so
    // the first endings come soon rather than all after the minimum length.
    const double elapsed = initial ? rng.uniform(0.0, 0.85) * duration : 0.0;
    meeting.startMs = startMs - qint64(elapsed);
    meeting.endMs = config.meetingChurn ? meeting.startMs + qint64(duration) : Never;
    meeting.id = hexId("mtg-", rng, 8);
    meeting.name = std::string(pick(rng, MeetingNames));
    const int count = meeting.fixedUsers > 0
                          ? meeting.fixedUsers
                          : rng.uniformInt(config.minUsersPerMeeting, config.maxUsersPerMeeting);
    const quint64 userSeedBase = rng.next();
    meeting.users.clear();
    meeting.users.resize(size_t(std::max(0, count)));
    // A browser in a mesh sends to and receives from every other peer; past
    // about a dozen peers real clients cap it (an SFU would take over).
    const int peers = std::clamp(count - 1, 1, 11);
    for (int i = 0; i < count; ++i) {
        SimUser &user = meeting.users[size_t(i)];
        user.rng = Rng(mixSeed(userSeedBase + quint64(i)));
        buildUser(meeting, user, peers, state.periodMs, firstSampleMs);
    }
    ++state.stats.meetingsStarted;
}

void endMeeting(const FleetConfig &config, FleetState &state, SimMeeting &meeting)
{
    meeting.running = false;
    const double gap = meeting.rng.uniform(config.meetingGapMinSeconds,
                                           std::max(config.meetingGapMinSeconds, config.meetingGapMaxSeconds));
    meeting.nextStartMs = meeting.endMs + qint64(gap * 1000.0);
    meeting.users.clear();
    ++state.stats.meetingsEnded;
}

// One step of the user's network: mean-reverting random walks around the
// user's typical link, plus incidents. dtSec scales noise and probabilities
// so a 5 Hz user sees the same incident rate per minute as a 1 Hz one.
void evolve(const FleetConfig &config, FleetState &state, SimUser &u, qint64 t, double dtSec)
{
    Rng &rng = u.rng;
    const double rev = std::min(1.0, 0.15 * dtSec);
    const double noise = std::sqrt(dtSec);
    u.latency += rev * (u.baseLatency - u.latency) + (u.baseLatency * 0.06 + 1.5) * noise * rng.normal();
    u.latency = std::clamp(u.latency, 1.0, 3000.0);
    u.jitter += rev * (u.baseJitter - u.jitter) + (u.baseJitter * 0.1 + 0.3) * noise * rng.normal();
    u.jitter = std::clamp(u.jitter, 0.0, 500.0);
    u.loss += rev * (u.baseLoss - u.loss) + (u.baseLoss * 0.15 + 0.05) * noise * rng.normal();
    u.loss = std::clamp(u.loss, 0.0, 30.0);
    u.upPerPeer += rev * (u.targetPerPeer - u.upPerPeer) + u.targetPerPeer * 0.04 * noise * rng.normal();
    u.upPerPeer = std::max(30.0, u.upPerPeer);
    u.downPerPeer += rev * (u.targetPerPeer - u.downPerPeer) + u.targetPerPeer * 0.05 * noise * rng.normal();
    u.downPerPeer = std::max(30.0, u.downPerPeer);

    if (!config.incidents)
        return;
    const ProfileParams &p = *u.profile;
    if (t >= u.spikeUntil && rng.chance(dtSec * p.spikeFactor / 240.0)) {
        u.spikeUntil = t + qint64(rng.uniform(4, 25) * 1000);
        u.spikeExtra = rng.uniform(250, 1200);
        ++state.stats.latencySpikes;
    }
    if (t >= u.burstUntil && rng.chance(dtSec / 300.0)) {
        u.burstUntil = t + qint64(rng.uniform(3, 20) * 1000);
        u.burstExtra = rng.uniform(4, 20);
        ++state.stats.lossBursts;
    }
    if (rng.chance(dtSec / 900.0)) {
        // Long enough (> 10 s) that a dashboard marks the user inactive.
        u.droppedUntil = t + qint64(rng.uniform(12, 45) * 1000);
        u.dropped = true;
        ++state.stats.dropouts;
    }
}

void emitSample(FleetState &state, SimMeeting &meeting, SimUser &u, qint64 t, const FleetSimulator::Sink &sink)
{
    Rng &rng = u.rng;
    const bool spiking = t < u.spikeUntil;
    const bool bursting = t < u.burstUntil;
    const double latency =
        roundTo(std::min(u.latency + (spiking ? u.spikeExtra * rng.uniform(0.85, 1.15) : 0.0), 5000.0), 10);
    const double jitter = roundTo(u.jitter + (spiking ? u.spikeExtra * 0.1 : 0.0), 10);
    const double loss =
        roundTo(std::min(u.loss + (bursting ? u.burstExtra * rng.uniform(0.7, 1.3) : 0.0), 100.0), 100);
    const double minLatency = roundTo(std::max(0.5, latency - jitter * rng.uniform(0.3, 1.0)), 10);
    const double maxLatency = roundTo(latency + jitter * rng.uniform(1.0, 3.0), 10);
    // Congestion control backs off under loss and long RTTs.
    double factor = std::max(0.15, 1.0 - loss / 25.0);
    if (latency > 400)
        factor *= 0.8;
    const int peers = std::clamp(int(meeting.users.size()) - 1, 1, 11);
    const double upload = roundTo(std::min(u.upPerPeer * peers * factor, u.uplinkCap), 10);
    const double download = roundTo(u.downPerPeer * peers * factor, 10);
    // What the client itself reports, by the plan's thresholds on the values
    // it sends, so dashboard and gateway agree.
    const Quality quality = classifyQuality(latency, loss);
    const std::string_view qualityView = quality == Quality::Excellent ? "excellent"
                                         : quality == Quality::Good    ? "good"
                                         : quality == Quality::Fair    ? "fair"
                                                                       : "poor";

    const bool s = u.numericStrings;
    std::string &b = state.metricsBuf;
    b.assign(u.metricsPrefix);
    std::string &latencyText = state.numberBuf;
    latencyText.clear();
    appendNumber(latencyText, latency, 1);
    // Both contract shapes open with upload, download and latency; only the
    // keys differ (UserMetrics vs MeetingRoom).
    const bool um = u.userMetricsShape;
    b += um ? "\"totalUpload\":" : "\"uploadBitrate\":";
    appendValue(b, upload, 1, s);
    b += um ? ",\"totalDownload\":" : ",\"downloadBitrate\":";
    appendValue(b, download, 1, s);
    b += um ? ",\"avgLatency\":" : ",\"latency\":";
    appendText(b, latencyText, s);
    if (um) {
        b += ",\"minLatency\":";
        appendValue(b, minLatency, 1, s);
        b += ",\"maxLatency\":";
        appendValue(b, maxLatency, 1, s);
        b += ",\"packetLossRate\":";
        appendValue(b, loss, 2, s);
        b += ",\"connectionQuality\":\"";
        b += qualityView;
        b += "\",\"jitter\":";
        appendValue(b, jitter, 1, s);
    } else {
        b += ",\"quality\":\"";
        b += qualityView;
        b += '"';
    }
    b += ",\"timestamp\":";
    if (u.epochTimestamp) {
        appendInt(b, t);
    } else {
        b += '"';
        appendIsoTimestamp(b, t);
        b += '"';
    }
    b += "}}";

    ++state.stats.metricsPayloads;
    FleetPayload payload;
    payload.kind = FleetPayload::Kind::Metrics;
    payload.json = b;
    payload.meetingId = meeting.id;
    payload.userId = u.id;
    payload.timeMs = t;
    payload.quality = quality;
    sink(payload);

    // The plan's gateway rules, on every message that crosses a threshold.
    // The MeetingRoom shape carries no packet loss, and its latency and
    // quality stand in for avgLatency and connectionQuality.
    const bool highLatency = latency > 300;
    const bool highLoss = u.userMetricsShape && loss > 5;
    const bool poor = quality == Quality::Poor;
    if (!highLatency && !highLoss && !poor)
        return;
    std::string &a = state.alertsBuf;
    a.assign(u.alertsPrefix);
    bool first = true;
    // Writes an alert up to the variable end of its message, which always
    // starts "User <id> has ".
    auto open = [&a, &first, &u](std::string_view type, std::string_view severity) {
        if (!first)
            a += ',';
        first = false;
        a += "{\"type\":\"";
        a += type;
        a += "\",\"severity\":\"";
        a += severity;
        a += "\",\"message\":\"";
        a += u.messageUser;
    };
    if (highLatency) {
        open("high-latency", "warning");
        a += "high latency: ";
        a += latencyText;
        a += "ms\"}";
    }
    if (highLoss) {
        open("packet-loss", "warning");
        a += "high packet loss: ";
        appendNumber(a, loss, 2);
        a += "%\"}";
    }
    if (poor) {
        open("poor-connection", "critical");
        a += "poor connection quality\"}";
    }
    a += "]}";
    ++state.stats.alertPayloads;
    payload.kind = FleetPayload::Kind::Alerts;
    payload.json = a;
    sink(payload);
}

// Produces (or with no sink, silently passes) the user's samples due up to
// and including `limit`.
void advanceUser(const FleetConfig &config, FleetState &state, SimMeeting &meeting, SimUser &u, double limit,
                 qint64 nowMs, const FleetSimulator::Sink *sink)
{
    const double period = state.periodMs;
    if (u.nextDueMs > limit)
        return;
    if (!sink) {
        const double k = std::floor((limit - u.nextDueMs) / period) + 1;
        u.nextDueMs += k * period;
        return;
    }
    const double lowWater = double(nowMs) - config.maxBacklogMs;
    if (u.nextDueMs < lowWater) {
        const double k = std::ceil((lowWater - u.nextDueMs) / period);
        u.nextDueMs += k * period;
        state.stats.skippedSamples += quint64(k);
    }
    const double dtSec = period / 1000.0;
    while (u.nextDueMs <= limit) {
        const qint64 t = qint64(std::floor(u.nextDueMs));
        u.nextDueMs += period;
        if (u.dropped) {
            if (t < u.droppedUntil)
                continue; // the browser is gone: nothing is sent
            u.dropped = false;
            ++state.stats.rejoins;
        }
        evolve(config, state, u, t, dtSec);
        if (u.dropped)
            continue;
        emitSample(state, meeting, u, t, *sink);
    }
}

void advanceMeeting(const FleetConfig &config, FleetState &state, SimMeeting &meeting, qint64 nowMs,
                    const FleetSimulator::Sink *sink)
{
    for (;;) {
        if (meeting.running) {
            // Samples due at or after the end belong to nobody.
            const double limit =
                meeting.endMs == Never ? double(nowMs) : std::min(double(nowMs), double(meeting.endMs) - 0.001);
            for (SimUser &user : meeting.users)
                advanceUser(config, state, meeting, user, limit, nowMs, sink);
            if (meeting.endMs <= nowMs) {
                endMeeting(config, state, meeting);
                continue;
            }
            return;
        }
        if (meeting.nextStartMs > nowMs)
            return;
        const qint64 start = meeting.nextStartMs;
        startMeeting(config, state, meeting, start, start, false);
    }
}

} // namespace

FleetSimulator::FleetSimulator(FleetConfig config)
    : m_config(config), m_state(std::make_unique<FleetState>())
{
    // Sanitize so that no config can divide by zero or loop forever.
    m_config.meetings = std::clamp(m_config.meetings, 1, 100000);
    m_config.minUsersPerMeeting = std::clamp(m_config.minUsersPerMeeting, 1, 10000);
    m_config.maxUsersPerMeeting = std::clamp(m_config.maxUsersPerMeeting, m_config.minUsersPerMeeting, 10000);
    m_config.totalUsers = std::clamp(m_config.totalUsers, 0, 1000000);
    if (!(m_config.samplesPerSecond > 0.001))
        m_config.samplesPerSecond = 0.001;
    m_config.samplesPerSecond = std::min(m_config.samplesPerSecond, 1000.0);
    m_config.meetingMinSeconds = std::max(1, m_config.meetingMinSeconds);
    m_config.meetingMaxSeconds = std::max(m_config.meetingMinSeconds, m_config.meetingMaxSeconds);
    m_config.meetingGapMinSeconds = std::max(0, m_config.meetingGapMinSeconds);
    m_config.meetingGapMaxSeconds = std::max(m_config.meetingGapMinSeconds, m_config.meetingGapMaxSeconds);
    m_config.maxBacklogMs = std::max(0, m_config.maxBacklogMs);
    if (m_config.totalUsers > 0)
        m_config.meetings = std::min(m_config.meetings, m_config.totalUsers);

    m_state->periodMs = 1000.0 / m_config.samplesPerSecond;
    m_state->metricsBuf.reserve(1024);
    m_state->alertsBuf.reserve(1024);
    m_state->meetings.resize(size_t(m_config.meetings));
    for (int i = 0; i < m_config.meetings; ++i) {
        SimMeeting &meeting = m_state->meetings[size_t(i)];
        meeting.rng = Rng(mixSeed(m_config.seed ^ mixSeed(quint64(i) + 1)));
        if (m_config.totalUsers > 0)
            meeting.fixedUsers =
                m_config.totalUsers / m_config.meetings + (i < m_config.totalUsers % m_config.meetings ? 1 : 0);
    }
}

FleetSimulator::~FleetSimulator() = default;

void FleetSimulator::start(qint64 nowMs)
{
    if (m_state->started)
        return;
    m_state->started = true;
    m_state->originMs = nowMs;
    m_state->lastStepMs = nowMs;
    for (SimMeeting &meeting : m_state->meetings)
        startMeeting(m_config, *m_state, meeting, nowMs, nowMs, true);
}

void FleetSimulator::step(qint64 nowMs, const Sink &sink)
{
    advance(nowMs, &sink);
}

std::vector<OwnedFleetPayload> FleetSimulator::samplesDue(qint64 nowMs)
{
    std::vector<OwnedFleetPayload> out;
    step(nowMs, [&out](const FleetPayload &p) {
        out.push_back({p.kind, std::string(p.json), std::string(p.meetingId), std::string(p.userId), p.timeMs,
                       p.quality});
    });
    return out;
}

void FleetSimulator::skipTo(qint64 nowMs)
{
    advance(nowMs, nullptr);
}

void FleetSimulator::advance(qint64 nowMs, const Sink *sink)
{
    if (!m_state->started)
        start(nowMs);
    if (nowMs < m_state->lastStepMs)
        return;
    m_state->lastStepMs = nowMs;
    for (SimMeeting &meeting : m_state->meetings)
        advanceMeeting(m_config, *m_state, meeting, nowMs, sink);
}

const FleetStats &FleetSimulator::stats() const { return m_state->stats; }

int FleetSimulator::runningMeetings() const
{
    return int(std::count_if(m_state->meetings.begin(), m_state->meetings.end(),
                             [](const SimMeeting &m) { return m.running; }));
}

int FleetSimulator::currentUsers() const
{
    int n = 0;
    for (const SimMeeting &m : m_state->meetings)
        if (m.running)
            n += int(m.users.size());
    return n;
}

std::string_view FleetSimulator::profileName(NetworkProfile profile)
{
    switch (profile) {
    case NetworkProfile::Fibre: return "fibre";
    case NetworkProfile::OfficeWifi: return "office-wifi";
    case NetworkProfile::Cellular4G: return "4g";
    case NetworkProfile::Satellite: return "satellite";
    }
    return "unknown";
}

} // namespace mm

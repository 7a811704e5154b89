namespace Chatbot.Contracts.Billing;

/// <summary>
/// The Redis keys of quotas, shared by chat (reserve, through Billing.Quotas) and billing (settle, release, rebuild,
/// publish limits), named here like <see cref="Inference.ReplyStreamProtocol"/>.
/// Windows are UTC days, UTC months and UTC hours; keys carry their window so a new window starts at zero.
/// </summary>
public static class QuotaKeys
{
    public const string Prefix = "billing:";
    public const string KillSwitch = Prefix + "killswitch";
    public const string ReservationIndex = Prefix + "reservations";

    /// <summary>Set by billing once limits are published and counters rebuilt; its absence means Redis lost that state.</summary>
    public const string StateMarker = Prefix + "state-published";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd");
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMM");
    public static string Hour(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMddHH");

    public static string UserDayTokens(Guid tenantId, Guid userId, DateTimeOffset at) => $"{Prefix}t:{tenantId:N}:u:{userId:N}:tokens:{Day(at)}";
    public static string TenantDayTokens(Guid tenantId, DateTimeOffset at) => $"{Prefix}t:{tenantId:N}:tokens:{Day(at)}";
    public static string TenantMonthCost(Guid tenantId, DateTimeOffset at) => $"{Prefix}t:{tenantId:N}:cost:{Month(at)}";
    public static string UserMinuteRequests(Guid tenantId, Guid userId, DateTimeOffset at) =>
        $"{Prefix}t:{tenantId:N}:u:{userId:N}:rpm:{at.UtcDateTime:yyyyMMddHHmm}";
    public static string PlatformHourCost(DateTimeOffset at) => $"{Prefix}cost:{Hour(at)}";
    public static string Reservation(Guid reservationId) => $"{Prefix}reservation:{reservationId:N}";
    public static string Settled(Guid reservationId) => $"{Prefix}settled:{reservationId:N}";
    public static string Plan(string tier) => $"{Prefix}plan:{tier.ToLowerInvariant()}";
    public static string TenantLimits(Guid tenantId) => $"{Prefix}t:{tenantId:N}:limits";
    public static string UserLimits(Guid tenantId, Guid userId) => $"{Prefix}t:{tenantId:N}:u:{userId:N}:limits";
    public static string ReservePrice => Prefix + "reserve-price";

    /// <summary>Fields of the plan, tenant and user limit hashes (-1 = unlimited).</summary>
    public static class Fields
    {
        public const string UserTokensPerDay = "user_tokens_day";
        public const string TenantTokensPerDay = "tenant_tokens_day";
        public const string RequestsPerMinute = "rpm";
        public const string MonthlyBudgetMicros = "budget_micros";
        public const string Disabled = "disabled";
        public const string InputMicrosPerToken = "in";
        public const string OutputMicrosPerToken = "out";
    }
}

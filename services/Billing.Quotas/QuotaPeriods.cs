namespace Chatbot.Billing.Quotas;

/// <summary>When the windows that contain a moment end (UTC).</summary>
public static class QuotaPeriods
{
    public static DateTimeOffset NextMinute(DateTimeOffset at) => Truncate(at, TimeSpan.TicksPerMinute).AddMinutes(1);
    public static DateTimeOffset NextDay(DateTimeOffset at) => new DateTimeOffset(at.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
    public static DateTimeOffset MonthStart(DateTimeOffset at) => new(at.UtcDateTime.Year, at.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
    public static DateTimeOffset NextMonth(DateTimeOffset at) => MonthStart(at).AddMonths(1);
    public static DateTimeOffset DayStart(DateTimeOffset at) => new(at.UtcDateTime.Date, TimeSpan.Zero);

    private static DateTimeOffset Truncate(DateTimeOffset at, long ticks) =>
        new(at.UtcTicks - at.UtcTicks % ticks, TimeSpan.Zero);
}

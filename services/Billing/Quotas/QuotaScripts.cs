namespace Chatbot.Billing.Quotas;

/// <summary>The Lua scripts (embedded resources); StackExchange.Redis sends them by SHA after the first call.</summary>
internal static class QuotaScripts
{
    public static readonly string Reserve = Load("reserve.lua");
    public static readonly string Settle = Load("settle.lua");
    public static readonly string Release = Load("release.lua");

    private static string Load(string name)
    {
        using var stream = typeof(QuotaScripts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded script {name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

namespace Chatbot.Contracts.Tools;

/// <summary>How much a tool can do: <c>read</c> runs at once, <c>write</c> waits for the reply's user, <c>critical</c> for a tenant admin.</summary>
public static class ToolRisk
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Critical = "critical";

    public static readonly IReadOnlyList<string> All = [Read, Write, Critical];

    public static bool NeedsApproval(string risk) => risk is Write or Critical;
}

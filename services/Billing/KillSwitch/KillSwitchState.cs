namespace Chatbot.Billing.KillSwitch;

/// <summary>Whether new generations are refused platform-wide, and since which UTC hour (yyyyMMddHH).</summary>
public sealed record KillSwitchState(bool Tripped, string? Since);

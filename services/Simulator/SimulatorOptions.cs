namespace Chatbot.Simulator;

/// <summary><c>Inference:Simulator</c>: how the built-in provider simulator behaves unless a request directive says otherwise.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Inference:Simulator";

    public int FirstTokenLatencyMilliseconds { get; set; } = 150;
    public double TokensPerSecond { get; set; } = 60;
    public int ReplyTokens { get; set; } = 40;
    public int Seed { get; set; } = 42;
    public SimulatorFault Fault { get; set; } = SimulatorFault.None;
    public int RetryAfterSeconds { get; set; } = 1;
    public int DisconnectAfterTokens { get; set; } = 5;
}

namespace Chatbot.Simulator;

/// <summary>One message as the simulator received it (from Semantic Kernel in process or from the HTTP endpoint).</summary>
public sealed record SimulatedMessage(string Role, string Content);

namespace Chatbot.TestSupport;

/// <summary>How a command ended: its exit code, standard output and standard error.</summary>
public sealed record CommandResult(int ExitCode, string Output, string Error);

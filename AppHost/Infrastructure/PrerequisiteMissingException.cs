namespace Chatbot.AppHost.Infrastructure;

/// <summary>Something must be installed or configured first; the message is the one line telling what.</summary>
public sealed class PrerequisiteMissingException(string message) : Exception(message);

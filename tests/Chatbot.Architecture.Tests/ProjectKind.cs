namespace Chatbot.Architecture.Tests;

public enum ProjectKind
{
    Service,
    Library,
    Contracts,
    ServiceDefaults,
}

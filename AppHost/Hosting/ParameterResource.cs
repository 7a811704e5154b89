namespace Chatbot.AppHost.Hosting;

/// <summary>A value supplied at deploy time (a password when <see cref="Secret"/>); generated per installation locally.</summary>
public sealed class ParameterResource(string name, bool secret) : Resource(name)
{
    public bool Secret { get; } = secret;
}

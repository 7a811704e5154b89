namespace Chatbot.SecurityDrills.Fuzzing;

/// <summary>
/// One hostile body. <paramref name="Broken"/>: no server may accept it (malformed, too deep, too large, wrong root
/// type); otherwise the body is well-formed JSON with odd values, which a server may accept or refuse with a 4xx.
/// </summary>
public sealed record FuzzCase(string Name, byte[] Body, string ContentType, bool Broken);

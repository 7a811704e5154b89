using System.Text.RegularExpressions;

namespace Chatbot.Moderation.Detectors.Pii.Secrets;

/// <summary>
/// One documented secret format. <see cref="Prefix"/> (when set) must occur in the text before the pattern runs, so
/// most rules cost one vectorised search. The pattern's group <c>v</c> (else the whole match) is the value that
/// <see cref="Check"/> judges: a placeholder, a docs example or a low-entropy value is not a secret. An
/// <see cref="Assignment"/> (<c>client_secret: …</c>, <c>password=…</c>) runs only on text with '=' or ':', and only its
/// value is the finding, so masking keeps the key name readable.
/// </summary>
public sealed record SecretRule(string Name, string Kind, string? Prefix, Regex Pattern,
    SecretCheck Check = SecretCheck.NotPlaceholder, bool Assignment = false);

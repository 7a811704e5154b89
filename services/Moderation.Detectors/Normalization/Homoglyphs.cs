using System.Collections.Frozen;

namespace Chatbot.Moderation.Detectors.Normalization;

/// <summary>Maps look-alike letters (Cyrillic, Greek, symbols) and leetspeak digits to the Latin letter they imitate.</summary>
internal static class Homoglyphs
{
    private static readonly FrozenDictionary<char, char> Map = new Dictionary<char, char>
    {
        ['а'] = 'a', ['е'] = 'e', ['о'] = 'o', ['р'] = 'p', ['с'] = 'c', ['у'] = 'y', ['х'] = 'x', ['і'] = 'i',
        ['ј'] = 'j', ['ѕ'] = 's', ['һ'] = 'h', ['ԁ'] = 'd', ['ԛ'] = 'q', ['ԝ'] = 'w', ['ӏ'] = 'l', ['ɡ'] = 'g',
        ['к'] = 'k', ['м'] = 'm', ['н'] = 'h', ['т'] = 't', ['в'] = 'b', ['ո'] = 'n', ['ց'] = 'g', ['ս'] = 'u',
        ['α'] = 'a', ['ε'] = 'e', ['ο'] = 'o', ['ρ'] = 'p', ['ι'] = 'i', ['κ'] = 'k', ['ν'] = 'v', ['τ'] = 't',
        ['υ'] = 'u', ['χ'] = 'x', ['γ'] = 'y', ['ɑ'] = 'a', ['ı'] = 'i', ['ℓ'] = 'l',
        ['0'] = 'o', ['1'] = 'i', ['3'] = 'e', ['4'] = 'a', ['5'] = 's', ['7'] = 't', ['@'] = 'a', ['$'] = 's',
        ['|'] = 'l',
    }.ToFrozenDictionary();

    public static char Fold(char c) => Map.TryGetValue(c, out var latin) ? latin : c;
}


namespace Chatbot.Moderation.Detectors.Pii;

/// <summary>Check digits that separate real card numbers and IBANs from look-alike digit strings.</summary>
public static class Checksums
{
    public static bool Luhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        var doubleIt = false;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (d is < 0 or > 9) return false;
            if (doubleIt)
            {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }

    /// <summary>
    /// ISO 13616: a registered country with its exact length, then the first four characters moved to the end, letters
    /// to 10..35, and the number mod 97 must be 1.
    /// </summary>
    public static bool Iban(string iban)
    {
        if (iban.Length < 4 || !IbanRegistry.Lengths.TryGetValue(iban[..2], out var expected) || expected != iban.Length)
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in string.Concat(iban.AsSpan(4), iban.AsSpan(0, 4)))
        {
            var value = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => -1,
            };
            if (value < 0) return false;
            remainder = value >= 10 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
        }
        return remainder == 1;
    }
}

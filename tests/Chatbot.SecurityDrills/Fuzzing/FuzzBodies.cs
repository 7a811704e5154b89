using System.Text;
using System.Text.Json.Nodes;

namespace Chatbot.SecurityDrills.Fuzzing;

/// <summary>Hostile request bodies: structural ones for any JSON route, value mutations of a route's valid body.</summary>
public static class FuzzBodies
{
    /// <summary>Just over Kestrel's default 30,000,000-byte request body limit.</summary>
    public const int HugeBodyBytes = 30_000_000 + 1024;

    private const int Depth = 10_000;

    /// <summary>JSON string literals (already escaped) no handler expects.</summary>
    private static readonly (string Name, string Literal)[] OddStrings =
    [
        ("lone surrogate", "\"a\\ud800b\\udfffc\""),
        ("NUL", "\"before\\u0000after\""),
        ("zero-width and RTL override", "\"\\u200b\\u200d\\u202eevil\\u202c\\ufeff\""),
        ("combining marks", "\"" + string.Concat(Enumerable.Repeat("e\\u0301\\u0302\\u0303", 500)) + "\""),
        ("100k characters", "\"" + new string('x', 100_000) + "\""),
    ];

    private static readonly (string Name, string Literal)[] OddValues =
    [
        ("number 1e400", "1e400"), ("number -1e400", "-1e400"), ("30-digit integer", "123456789012345678901234567890"),
        ("negative", "-1"), ("array", "[1,2]"), ("object", "{\"a\":{}}"), ("null", "null"), ("boolean", "true"),
    ];

    public static IEnumerable<FuzzCase> Structural()
    {
        yield return Json("malformed: unterminated object", "{\"a\":");
        yield return Json("malformed: not JSON", "this is not json");
        yield return Json("malformed: trailing garbage", "{} }");
        yield return Json("malformed: single quotes", "{'a':'b'}");
        yield return Json("malformed: invalid UTF-8 outside a string", [0x7B, 0x22, 0x61, 0x22, 0x3A, 0xC3, 0x28, 0x7D]);
        yield return Json("empty body", "");
        yield return Json($"deep nesting: {Depth} arrays", new string('[', Depth) + new string(']', Depth));
        yield return Json($"deep nesting: {Depth} objects", string.Concat(Enumerable.Repeat("{\"a\":", Depth)) + "1" + new string('}', Depth));
        yield return Json("huge body", HugeBody());
        yield return Json("root: array", "[]");
        yield return Json("root: string", "\"text\"");
        yield return Json("root: number", "42");
        yield return Json("root: null", "null");
        yield return new FuzzCase("content type text/plain", "{}"u8.ToArray(), "text/plain", true);
    }

    /// <summary>The valid body with every string, then every value, replaced by something odd.</summary>
    public static IEnumerable<FuzzCase> Mutations(string validBody)
    {
        if (JsonNode.Parse(validBody) is not JsonObject sample || sample.Count == 0)
        {
            yield break;
        }
        foreach (var (name, literal) in OddStrings)
        {
            yield return WithEach(sample, $"strings: {name}", literal, onlyStrings: true);
        }
        foreach (var (name, literal) in OddValues)
        {
            yield return WithEach(sample, $"values: {name}", literal, onlyStrings: false);
        }
        var marked = WithEach(sample, "strings: invalid UTF-8", $"\"{InvalidUtf8Marker}\"", onlyStrings: true);
        yield return marked with { Body = ReplaceMarker(marked.Body) };
    }

    private static FuzzCase WithEach(JsonObject sample, string name, string literal, bool onlyStrings)
    {
        var members = sample.Select(p => $"\"{p.Key}\":" + (!onlyStrings || p.Value?.GetValueKind() == System.Text.Json.JsonValueKind.String
            ? literal
            : p.Value!.ToJsonString()));
        return new FuzzCase(name, Encoding.UTF8.GetBytes("{" + string.Join(',', members) + "}"), "application/json", false);
    }

    private const string InvalidUtf8Marker = "@@INVALID-UTF8@@";

    /// <summary>Each marker becomes 0xC3 0x28: a two-byte lead followed by a byte that cannot continue it.</summary>
    private static byte[] ReplaceMarker(byte[] body) =>
    [
        .. Encoding.UTF8.GetString(body).Split(InvalidUtf8Marker)
            .SelectMany((part, i) => i == 0 ? Encoding.UTF8.GetBytes(part) : (byte[])[0xC3, 0x28, .. Encoding.UTF8.GetBytes(part)]),
    ];

    private static byte[] HugeBody()
    {
        var body = new byte[HugeBodyBytes];
        Array.Fill(body, (byte)'a');
        "{\"content\":\""u8.CopyTo(body);
        "\"}"u8.CopyTo(body.AsSpan(body.Length - 2));
        return body;
    }

    private static FuzzCase Json(string name, string body) => Json(name, Encoding.UTF8.GetBytes(body));

    private static FuzzCase Json(string name, byte[] body) => new(name, body, "application/json", true);
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Chatbot.SecurityDrills.Tokens;

/// <summary>A compact JWS taken apart and put together again, so a drill can change exactly one thing.</summary>
public sealed record Jwt(JsonObject Header, JsonObject Payload, string Signature)
{
    public static Jwt Parse(string token)
    {
        var parts = token.Split('.');
        Assert.Equal(3, parts.Length);
        return new Jwt(Decode(parts[0]), Decode(parts[1]), parts[2]);
    }

    /// <summary>Header and payload as given, with the original signature (or a fresh one when <paramref name="key"/> is set).</summary>
    public string Encode(RSA? key = null)
    {
        var signed = $"{Base64UrlEncoder.Encode(Header.ToJsonString())}.{Base64UrlEncoder.Encode(Payload.ToJsonString())}";
        var signature = key is null
            ? Signature
            : Base64UrlEncoder.Encode(key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        return $"{signed}.{signature}";
    }

    /// <summary>A deep copy with <paramref name="change"/> applied to the header and payload.</summary>
    public Jwt With(Action<JsonObject, JsonObject> change)
    {
        var copy = new Jwt((JsonObject)Header.DeepClone(), (JsonObject)Payload.DeepClone(), Signature);
        change(copy.Header, copy.Payload);
        return copy;
    }

    private static JsonObject Decode(string part) => (JsonObject)JsonNode.Parse(Base64UrlEncoder.Decode(part))!;
}

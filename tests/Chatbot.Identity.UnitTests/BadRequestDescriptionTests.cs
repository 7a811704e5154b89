using System.Text.Json;
using System.Text.Json.Serialization;
using Chatbot.Identity.Accounts;
using Chatbot.ServiceDefaults.ErrorHandling;
using Microsoft.AspNetCore.Http;

namespace Chatbot.Identity.UnitTests;

public sealed class BadRequestDescriptionTests
{
    private static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static Dictionary<string, string[]> Describe(string json)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<RegisterRequest>(json, Strict));
        return BindingErrors.Describe(new BadHttpRequestException("bad", StatusCodes.Status400BadRequest, error));
    }

    [Fact]
    public void An_unknown_field_is_named() =>
        Assert.Contains("role", Describe("""{"email":"a@b.cd","password":"x","role":"platform-admin"}""").Keys);

    [Fact]
    public void A_missing_required_field_is_named() =>
        Assert.Contains("password", Describe("""{"email":"a@b.cd"}""").Keys);

    [Fact]
    public void A_field_of_the_wrong_type_is_named() =>
        Assert.Contains("password", Describe("""{"email":"a@b.cd","password":42}""").Keys);

    [Fact]
    public void A_wrong_content_type_names_the_header() =>
        Assert.Contains("Content-Type", BindingErrors.Describe(new BadHttpRequestException("no", StatusCodes.Status415UnsupportedMediaType)).Keys);
}

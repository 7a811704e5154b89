using Chatbot.Identity.Data;
using Chatbot.Identity.Passwords;

namespace Chatbot.Identity.UnitTests;

public sealed class CommonPasswordValidatorTests
{
    private static async Task<bool> IsAcceptedAsync(string password, string email = "someone@example.com")
    {
        var user = new ApplicationUser { Role = "member", Email = email };
        var result = await new CommonPasswordValidator().ValidateAsync(null!, user, password);
        return result.Succeeded;
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("PASSWORD1234")]
    [InlineData("qwertyuiop123")]
    [InlineData("1q2w3e4r5t6y")]
    [InlineData("123456789012")]
    public async Task Listed_common_passwords_are_refused_whatever_the_case(string password) =>
        Assert.False(await IsAcceptedAsync(password));

    [Fact]
    public async Task A_password_of_one_repeated_character_is_refused() => Assert.False(await IsAcceptedAsync("zzzzzzzzzzzzzz"));

    [Fact]
    public async Task A_password_containing_the_email_local_part_is_refused() =>
        Assert.False(await IsAcceptedAsync("my-jonathan-secret", "Jonathan@example.com"));

    [Fact]
    public async Task An_uncommon_long_password_is_accepted() => Assert.True(await IsAcceptedAsync("violet kettle drums at dawn"));

    [Fact]
    public void The_committed_list_is_loaded() => Assert.True(CommonPasswordValidator.IsCommon("iloveyou1234"));
}

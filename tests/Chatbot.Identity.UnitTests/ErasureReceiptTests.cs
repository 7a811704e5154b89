using Chatbot.Contracts.Identity;
using Chatbot.Identity.Erasure;
using Microsoft.AspNetCore.DataProtection;

namespace Chatbot.Identity.UnitTests;

public sealed class ErasureReceiptTests
{
    [Fact]
    public void A_receipt_is_complete_only_when_every_expected_store_has_reported()
    {
        var allButOne = ErasureProtocol.ExpectedStores.Skip(1).ToList();

        Assert.False(ErasureCompletion.IsComplete(allButOne));
        Assert.True(ErasureCompletion.IsComplete([.. allButOne, ErasureProtocol.ExpectedStores[0], "extra/store"]));
    }

    [Fact]
    public void The_subject_hash_and_the_erased_marker_do_not_contain_the_id_in_either_spelling()
    {
        var id = Guid.NewGuid();

        string[] names = [ErasureProtocol.SubjectHash("user", id), ErasureProtocol.ErasedUserKey(id)];

        Assert.All(names, n => Assert.DoesNotContain(id.ToString("N"), n, StringComparison.OrdinalIgnoreCase));
        Assert.All(names, n => Assert.DoesNotContain(id.ToString("D"), n, StringComparison.OrdinalIgnoreCase));
        Assert.NotEqual(ErasureProtocol.SubjectHash("user", id), ErasureProtocol.SubjectHash("tenant", id));
    }

    [Fact]
    public void A_receipt_link_token_opens_its_own_erasure_only()
    {
        var links = new ErasureLinks(new EphemeralDataProtectionProvider());
        var id = Guid.NewGuid();

        var token = links.TokenFor(id);

        Assert.True(links.IsValid(token, id));
        Assert.False(links.IsValid(token, Guid.NewGuid()));
        Assert.False(links.IsValid(token[..^4] + "AAAA", id));
        Assert.False(links.IsValid("not a token", id));
    }
}

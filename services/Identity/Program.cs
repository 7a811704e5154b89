using Chatbot.Identity.Accounts;
using Chatbot.Identity.Admin;
using Chatbot.Identity.ApiKeys;
using Chatbot.Identity.Erasure;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Tokens;
using Chatbot.Identity.Validation;
using Chatbot.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
app.UseTrustedForwardedHeaders();
app.UseServiceDefaults();
app.UseMiddleware<JsonContentTypeMiddleware>();
app.UseAuthentication(); // after the status code pages: a 401/403 is problem details, not an empty body
app.UseAuthorization();
app.UseMiddleware<TenantContextMiddleware>(); // row-level security: the caller's tenant for every query

app.MapDefaultEndpoints();
app.MapTokenApi();
app.MapAccountApi();
app.MapTenantApi();
app.MapApiKeysApi();
app.MapAccountProfileApi();
app.MapAdminApi();
app.MapErasureApi();
app.MapSigningKeysApi();

await app.RunServiceAsync(args);

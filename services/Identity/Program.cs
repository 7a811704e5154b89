using Chatbot.Identity.Accounts;
using Chatbot.Identity.Admin;
using Chatbot.Identity.ApiKeys;
using Chatbot.Identity.Tenants;
using Chatbot.Identity.Tokens;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddIdentityServices();

var app = builder.Build();
app.UseTrustedForwardedHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapTokenApi();
app.MapAccountApi();
app.MapTenantApi();
app.MapApiKeysApi();
app.MapAdminApi();

await app.RunServiceAsync(args);

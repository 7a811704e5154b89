using Chatbot.ServiceDefaults.Tenancy;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBillingServices();

var app = builder.Build();
app.UseServiceDefaults();
app.UseAuthentication(); // after the status code pages: a 401/403 is problem details
app.UseAuthorization();
app.UseMiddleware<TenantContextMiddleware>(); // row-level security: the caller's tenant for every query

app.MapDefaultEndpoints();
app.MapBillingApi();

await app.RunServiceAsync(args);

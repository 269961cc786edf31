using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace NuMeng.Recognition.Data.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeysAndAuditMac : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Issue 10 §2 (ADR 0010): the key ring is now encrypted at rest with the portal certificate. The keys stored
            // before were plain XML that anyone holding a copy of the database could use to mint sign-in cookies: they
            // are deleted, the portal makes a new encrypted key on start, and everyone signs in again. The table keeps
            // its shape (it is the one Microsoft.AspNetCore.DataProtection.EntityFrameworkCore expects).
            migrationBuilder.Sql("DELETE FROM \"DataProtectionKeys\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}

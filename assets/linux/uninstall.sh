#!/bin/sh
# Removes what install.sh put under ~/.local, as its manifest lists it: its files, then
# the folders it made if they are empty now. Workspaces and settings are left alone.
set -eu

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}"
app_id=nl.rightfirst.RightFirst
record_dir="$data_dir/$app_id"
manifest="$record_dir/installed"

if [ ! -f "$manifest" ]; then
    echo "Right First is not installed for this user (no $manifest)." >&2
    exit 1
fi

grep '^file ' "$manifest" | cut -c6- | while IFS= read -r path; do
    rm -f "$path"
done

made() { grep -qx "dir $1" "$manifest"; }

mime="$data_dir/mime"
if made "$mime" && [ -z "$(ls -A "$mime/packages" 2>/dev/null)" ]; then
    # Only the caches made from our type are left in a folder install.sh made.
    rm -rf "$mime"
elif command -v update-mime-database >/dev/null 2>&1 && [ -d "$mime/packages" ]; then
    update-mime-database "$mime" >/dev/null 2>&1 || true
fi
apps="$data_dir/applications"
if made "$apps" && [ "$(ls -A "$apps" 2>/dev/null)" = mimeinfo.cache ]; then
    rm -f "$apps/mimeinfo.cache"
elif command -v update-desktop-database >/dev/null 2>&1 && [ -d "$apps" ]; then
    update-desktop-database "$apps" >/dev/null 2>&1 || true
fi

# Deepest first, and only when empty: a folder the user has put something in stays.
dirs=$(grep '^dir ' "$manifest" | cut -c5- | awk '{ print length($0) " " $0 }' | sort -rn | cut -d' ' -f2-)
rm -f "$manifest"
printf '%s\n' "$dirs" | while IFS= read -r dir; do
    if [ -n "$dir" ]; then rmdir "$dir" 2>/dev/null || true; fi
done
echo "Right First is uninstalled. Your workspaces and settings are where they were."

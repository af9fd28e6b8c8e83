import { onMount } from 'svelte';

/**
 * Whether the component has mounted in the browser. An island that hydrates after the page's state was read
 * from the URL first renders exactly what the server did, then switches to the live state.
 */
export function mounted(): { readonly live: boolean } {
  let live = $state(false);
  onMount(() => {
    live = true;
  });
  return {
    get live() {
      return live;
    },
  };
}

export function App() {
  return (
    <main>
      <h1>Autopay Desk</h1>
      <p>매장 자동결제 데스크를 준비하고 있습니다.</p>
    </main>
  );
}

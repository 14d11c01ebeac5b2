const fs = require('fs');
const { Parser } = require('json2csv');

// Product prices in our simulation
const productPrices = {
    'T-shirt': 20,
    'Jeans': 75,
    'Shoes': 80,
    'Socks': 5,
    'Hat': 25
}

const generateOrder = () => {
    const products = ['T-shirt', 'Jeans', 'Shoes', 'Socks', 'Hat'];
    const statuses = ['pending', 'shipped', 'delivered', 'cancelled'];

    const randomProduct = products[Math.floor(Math.random() * products.length)];
    const randomStatus = statuses[Math.floor(Math.random() * statuses.length)];
    const randomQuantity = Math.floor(Math.random() * 10) + 1;

    const order = {
        product: randomProduct,
        status: randomStatus,
        quantity: randomQuantity,
        total: randomQuantity * productPrices[randomProduct]
    };

    return order;
}

let totalSales = 0;
let orders = [];

for (let i = 0; i < 100; i++) {
    const order = generateOrder();
    orders.push(order);
    totalSales += order.total;
}

console.log(`Total sales: $${totalSales}`);

const fields = ['product', 'status', 'quantity', 'total'];
const json2csvParser = new Parser({ fields });
const csvData = json2csvParser.parse(orders);

fs.writeFileSync('{{ outputDir }}/orders.csv', csvData);

console.log('Orders saved to orders.csv');
